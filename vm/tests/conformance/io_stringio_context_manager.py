import io
with io.StringIO("data") as s:
    print(s.read())
print(s.closed)
