import io
s = io.StringIO("a\r\nb\rc\nd", newline="")
print(s.readlines())
