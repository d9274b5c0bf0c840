# _locale in the C locale: the VM does not read the machine's locale, so
# every category is "C" and localeconv() gives the C locale's conventions.

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127
_CATEGORIES = (0, 1, 2, 3, 4, 5, 6)


class Error(Exception):
    __module__ = "locale"


def setlocale(category, locale=None):
    if not isinstance(category, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(category).__name__)
    if locale is not None and not isinstance(locale, str):
        raise TypeError("setlocale() argument 2 must be str or None, not %s" % type(locale).__name__)
    if category not in _CATEGORIES or locale not in (None, "", "C", "POSIX"):
        raise Error("unsupported locale setting")
    return "C"


def localeconv():
    return {
        "int_curr_symbol": "",
        "currency_symbol": "",
        "mon_decimal_point": "",
        "mon_thousands_sep": "",
        "mon_grouping": [],
        "positive_sign": "",
        "negative_sign": "",
        "int_frac_digits": CHAR_MAX,
        "frac_digits": CHAR_MAX,
        "p_cs_precedes": CHAR_MAX,
        "p_sep_by_space": CHAR_MAX,
        "n_cs_precedes": CHAR_MAX,
        "n_sep_by_space": CHAR_MAX,
        "p_sign_posn": CHAR_MAX,
        "n_sign_posn": CHAR_MAX,
        "decimal_point": ".",
        "thousands_sep": "",
        "grouping": [],
    }


def strcoll(os1, os2):
    if not isinstance(os1, str) or not isinstance(os2, str):
        raise TypeError("strcoll() argument must be str")
    return (os1 > os2) - (os1 < os2)


def strxfrm(string):
    if not isinstance(string, str):
        raise TypeError("strxfrm() argument must be str, not %s" % type(string).__name__)
    return string


def getencoding():
    return "UTF-8"
