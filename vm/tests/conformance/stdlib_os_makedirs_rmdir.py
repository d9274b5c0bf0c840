# os.mkdir / makedirs / rmdir / rename / unlink and their errors.
import os
base = "stdlib_tmp_os_a"
os.makedirs(base + "/b/c")
os.makedirs(base + "/b", exist_ok=True)
for f in [lambda: os.mkdir(base), lambda: os.makedirs(base + "/b"), lambda: os.rmdir(base),
          lambda: os.remove(base + "/missing"), lambda: os.rmdir(base + "/missing"),
          lambda: os.rename(base + "/missing", base + "/other")]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.filename)
os.rename(base + "/b/c", base + "/c2")
print(sorted(os.listdir(base)))
os.rmdir(base + "/c2"); os.rmdir(base + "/b"); os.rmdir(base)
print(os.path.exists(base))
