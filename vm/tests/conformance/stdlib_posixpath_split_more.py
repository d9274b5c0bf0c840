import posixpath as p

print(p.splitdrive("/a/b"), p.split("a"), p.split("/"), p.split("a/b/"))
print(p.splitext("a.b/c"), p.splitext("x..y"), p.basename(""), p.dirname("a"))
print(p.join("a", ""), p.join("", ""), p.join("/", "a", "/b", "c"))
