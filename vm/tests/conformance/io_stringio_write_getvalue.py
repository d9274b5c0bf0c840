import io
s = io.StringIO()
print(s.write("hello "), s.write("world"))
print(repr(s.getvalue()))
print(s.tell())
