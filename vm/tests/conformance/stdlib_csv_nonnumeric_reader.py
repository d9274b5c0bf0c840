# QUOTE_NONNUMERIC reading turns unquoted fields into floats.
import _csv
_csv.register_dialect("excel")
r = _csv.reader(['1,2,"x"\n', '3.5,"4",-1e3\n'], quoting=_csv.QUOTE_NONNUMERIC)
print(list(r))
try:
    list(_csv.reader(["abc,1\n"], quoting=_csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError", e)
print(list(_csv.reader(['a|"b|c"|d\n'], delimiter="|")))
print(list(_csv.reader(["'q,r',s\n"], quotechar="'")))
print(list(_csv.reader(['"a""b",c\n'], doublequote=False)))
