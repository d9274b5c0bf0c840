# dir(builtins) lists every exception class CPython has.
import builtins
names = [n for n in dir(builtins) if n.endswith(("Error", "Warning", "Exception")) and n[0].isupper()]
print(len(names))
print(names)
print(sorted(dir(builtins))[:3])
