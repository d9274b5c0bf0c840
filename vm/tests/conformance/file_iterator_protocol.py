# Text files are their own iterators: __iter__ returns the file, __next__ a line.
with open("rc_tmp_file_iter.txt", "w") as f:
    f.write("a\nb\nc")
with open("rc_tmp_file_iter.txt") as f:
    print(f.__iter__() is f, f.__next__(), next(f))
    print(list(f))
    try:
        f.__next__()
    except StopIteration:
        print("StopIteration")
with open("rc_tmp_file_iter.txt") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
