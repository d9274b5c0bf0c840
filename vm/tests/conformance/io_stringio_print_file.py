import io
buf = io.StringIO()
print("a", 1, [2], file=buf)
print("b", end="!", file=buf, sep="-")
print(repr(buf.getvalue()))
