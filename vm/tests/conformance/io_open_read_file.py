import io
with io.open("io_open_read_file.py") as f:
    print(repr(f.readline()))
