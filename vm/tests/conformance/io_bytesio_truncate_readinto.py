import io
b = io.BytesIO(b"abcdef")
print(b.truncate(4), b.getvalue())
b.seek(0)
buf = bytearray(3)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)
