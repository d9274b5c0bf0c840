import io
s = io.StringIO("one\ntwo\nthree")
print(repr(s.readline()))
print(repr(s.readline(2)))
for line in s:
    print(repr(line))
print(io.StringIO("a\nb\n").readlines())
