import io
b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.tell())
print(b.readline(), b.read())
b.write(b"XY")
print(b.getvalue())
