import io
f = io.FileIO("io_fileio_read.py")
print(f.read(9))
print(f.readable(), f.writable(), f.tell())
f.close()
print(f.closed)
