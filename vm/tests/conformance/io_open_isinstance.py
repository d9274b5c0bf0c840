import io
f = open("io_open_isinstance.py")
print(isinstance(f, io.TextIOWrapper), isinstance(f, io.IOBase), isinstance(f, io.TextIOBase))
print(isinstance(f, io.BufferedReader), isinstance(f, io.StringIO))
g = open("io_open_isinstance.py", "rb")
print(isinstance(g, io.BufferedReader), isinstance(g, io.IOBase), isinstance(g, io.TextIOWrapper))
print(isinstance(io.StringIO(), io.TextIOWrapper), isinstance(io.TextIOWrapper(io.BytesIO()), io.TextIOWrapper))
class W(io.TextIOWrapper): pass
print(isinstance(W(io.BytesIO()), io.TextIOWrapper), issubclass(W, io.TextIOBase))
f.close(); g.close()
