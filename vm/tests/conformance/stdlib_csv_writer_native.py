# _csv.writer: minimal, all, non-numeric and no quoting.
import _csv
_csv.register_dialect("excel")
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
rows = [["a", "b,c", 'say "hi"', ""], [1, 2.5, None, True], ["line\nbreak", " sp", "x\ry"], [""], [], ["", ""]]
for q in [_csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC]:
    s = Sink()
    w = _csv.writer(s, quoting=q)
    w.writerows(rows)
    print(repr("".join(s.parts)))
s = Sink()
print(_csv.writer(s, quoting=_csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", 'q"x']), repr(s.parts[-1]))
_csv.writer(s, delimiter=";", lineterminator="\n", doublequote=False, escapechar="\\").writerow(["a;b", 'q"x'])
print(repr(s.parts[-1]))
try:
    _csv.writer(s, quoting=_csv.QUOTE_NONE).writerow(["a,b"])
except _csv.Error as e:
    print("Error", e)
