# _csv.reader: quoting, doubled quotes, multi-line fields, blank lines.
import _csv
_csv.register_dialect("excel", delimiter=",")
data = ['a,b,c\r\n', '"x, y",2,"say ""hi"""\n', '"multi\n', 'line",z\n', '\n',
        ' p, q\n', 'u"v,w\n', '"ab"cd,e\n', 'last']
r = _csv.reader(data)
for row in r:
    print(r.line_num, row)
print(list(_csv.reader(data, skipinitialspace=True))[4])
print(list(_csv.reader(["a\\,b,c\n"], escapechar="\\")))
print(list(_csv.reader(['"unterminated\n'])))
print(list(_csv.reader(["1;2;3"], delimiter=";")))
