import io
s = io.StringIO("abc\ndef\n")
print(s.tell(), repr(s.read(2)), s.tell())
print(repr(s.read()))
print(repr(s.read()))
