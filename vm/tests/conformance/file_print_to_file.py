# print(..., file=f) writes to the file, with sep and end.
with open("rc_tmp_file_print.txt", "w") as f:
    print("x", 1, file=f)
    print("y", "z", file=f, sep="-", end="!\n")
    print(file=f)
with open("rc_tmp_file_print.txt") as f:
    print(repr(f.read()))
