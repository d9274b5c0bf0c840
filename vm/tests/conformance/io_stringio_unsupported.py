import io
s = io.StringIO()
for f in (s.fileno, s.detach):
    try:
        f()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation)
