import os.path as p

print(p.split("/usr/lib/python3.11/os.py"))
print(p.splitext("archive.tar.gz"), p.splitext(".bashrc"), p.splitext("noext"))
print(p.basename("/a/b/c"), p.dirname("/a/b/c"), p.basename("/a/b/"))
