import io
b = io.BytesIO(b"l1\nl2\nl3")
print(list(b))
b.seek(0)
print(b.readlines())
print(isinstance(b, io.BufferedIOBase), isinstance(b, io.TextIOBase))
