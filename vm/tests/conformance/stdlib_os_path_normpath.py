import os.path

print(os.path.normpath("a//b/./c/../d"))
print(os.path.normpath("/../x"), os.path.normpath(""), os.path.normpath("a/.."))
print(os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.relpath("/a/b/c", "/a"))
