# Dialect checks, the registry and parse errors of _csv.
import _csv
_csv.register_dialect("excel")
for bad in [dict(delimiter=""), dict(delimiter=1), dict(quoting=9), dict(lineterminator=3),
            dict(escapechar="ab"), dict(bogus=1), dict(quotechar=None, quoting=_csv.QUOTE_ALL)]:
    try:
        _csv.reader([], **bad)
    except TypeError as e:
        print("TypeError", e)
print(_csv.reader([], quotechar=None).dialect.quoting)
_csv.register_dialect("pipes", delimiter="|", quoting=_csv.QUOTE_ALL)
d = _csv.get_dialect("pipes")
print(sorted(_csv.list_dialects()), d.delimiter, d.quoting, d.doublequote, repr(d.lineterminator))
try:
    d.delimiter = ";"
except AttributeError as e:
    print("AttributeError", e)
for name in ["nope"]:
    try:
        _csv.get_dialect(name)
    except _csv.Error as e:
        print("Error", e)
_csv.unregister_dialect("pipes")
print(_csv.list_dialects(), _csv.field_size_limit(), _csv.field_size_limit(10), _csv.field_size_limit())
try:
    list(_csv.reader(["x" * 20]))
except _csv.Error as e:
    print("Error", e)
for src, kw in [(['"a"b\n'], dict(strict=True)), (['a\rb\n'], {}), ([b"a"], {}), (['"open'], dict(strict=True))]:
    try:
        list(_csv.reader(src, **kw))
    except _csv.Error as e:
        print("Error", e)
