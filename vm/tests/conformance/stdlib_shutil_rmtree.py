# CPython's shutil imports; rmtree removes a tree through os.scandir/unlink/rmdir.
import os, shutil
base = "stdlib_tmp_shutil"
os.makedirs(base + "/x/y")
with open(base + "/x/f.txt", "w") as f:
    f.write("data")
shutil.rmtree(base)
print(os.path.exists(base))
try:
    shutil.rmtree(base)
except FileNotFoundError as e:
    print("FileNotFoundError", e)
