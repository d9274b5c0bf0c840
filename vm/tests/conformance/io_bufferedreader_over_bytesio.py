import io
r = io.BufferedReader(io.BytesIO(b"ab\ncd\n"))
print(r.readline(), r.read())
