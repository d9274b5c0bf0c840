import io
s = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(s.getvalue()))
print(s.readlines())
