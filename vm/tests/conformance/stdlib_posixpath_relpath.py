import posixpath as p

print(p.relpath("/a/b/c/d", "/a/b"), p.relpath("/a", "/a/b/c"), p.relpath("/x", "/x"))
try:
    p.relpath("")
except ValueError as e:
    print(e)
print(p.commonpath(["a/b/c", "a/b/d"]), p.commonpath(["/usr"]))
try:
    p.commonpath(["/a", "b"])
except ValueError as e:
    print(e)
