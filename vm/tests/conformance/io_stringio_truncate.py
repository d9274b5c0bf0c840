import io
s = io.StringIO("abcdef")
s.seek(3)
print(s.truncate())
print(repr(s.getvalue()))
print(s.truncate(1), repr(s.getvalue()), s.tell())
