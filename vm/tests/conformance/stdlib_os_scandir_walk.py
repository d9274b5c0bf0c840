# os.scandir entries and os.walk, top-down and bottom-up.
import os
base = "stdlib_tmp_os_walk"
os.makedirs(base + "/sub/deeper")
for p in [base + "/a.txt", base + "/sub/b.txt"]:
    with open(p, "w") as f:
        f.write("x")
with os.scandir(base) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e.name, e.path, e.is_dir(), e.is_file(), e.stat().st_size if e.is_file() else "-")
for top, dirs, files in os.walk(base):
    print(top, sorted(dirs), sorted(files))
print([top for top, _, _ in os.walk(base, topdown=False)][-1])
os.remove(base + "/a.txt"); os.remove(base + "/sub/b.txt")
os.rmdir(base + "/sub/deeper"); os.rmdir(base + "/sub"); os.rmdir(base)
