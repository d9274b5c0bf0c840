import io
b = io.BytesIO(b"0123456789")
print(b.seek(3), b.read(2))
print(b.seek(-2, 1), b.read(1))
print(b.seek(-3, 2), b.read())
print(b.seek(15), b.read())
b.write(b"!")
print(b.getvalue())
