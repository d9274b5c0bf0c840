# os.open / write / read / close on descriptors.
import os
name = "stdlib_tmp_os_fd.txt"
fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
print(os.write(fd, b"hello world"))
os.close(fd)
fd = os.open(name, os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100))
os.close(fd)
try:
    os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print(e)
try:
    os.close(fd)
except OSError as e:
    print(e, e.errno)
os.unlink(name)
print(os.path.exists(name))
