# _locale in the C locale: setlocale, localeconv, strcoll, strxfrm, categories, Error
import _locale

print(_locale.setlocale(_locale.LC_ALL, "C"), _locale.setlocale(_locale.LC_NUMERIC, "C"))
print(_locale.localeconv())
print(_locale.LC_CTYPE, _locale.LC_COLLATE, _locale.LC_TIME, _locale.LC_MONETARY, _locale.LC_NUMERIC,
      _locale.LC_ALL, _locale.LC_MESSAGES, _locale.CHAR_MAX)
for args in [(_locale.LC_ALL, "xx_YY.UTF-8"), (99, "C")]:
    try:
        _locale.setlocale(*args)
    except _locale.Error as e:
        print("Error:", e, _locale.Error.__module__)
print(_locale.strcoll("a", "b"), _locale.strcoll("b", "a"), _locale.strcoll("x", "x"), _locale.strxfrm("abc"))
