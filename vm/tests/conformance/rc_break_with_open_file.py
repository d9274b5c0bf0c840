with open("rc_tmp_lines.txt", "w") as fh:
    fh.write("alpha\nbeta\ngamma\ndelta\n")


def read_lines(path):
    with open(path) as f:
        try:
            for line in f:
                yield line.rstrip("\n")
        finally:
            print("closing file, closed =", f.closed)
    print("file closed =", f.closed)


for line in read_lines("rc_tmp_lines.txt"):
    print(line)
    if line == "beta":
        break
print("done")
