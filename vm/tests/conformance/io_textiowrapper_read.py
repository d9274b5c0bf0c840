import io
t = io.TextIOWrapper(io.BytesIO("a\r\nb\nc".encode()), encoding="utf-8")
print(t.readline().encode())
print(t.read().encode())
