import io
x = io.IOBase()
for name in ("seek", "tell", "truncate", "fileno"):
    try:
        getattr(x, name)() if name != "seek" else x.seek(0)
    except io.UnsupportedOperation as e:
        print(name, "->", e)
print(x.readable(), x.writable(), x.seekable(), x.closed)
x.close()
print(x.closed)
try:
    x.flush()
except ValueError as e:
    print("ValueError", e)
