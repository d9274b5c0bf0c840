# writelines writes each string, adding no newlines.
with open("rc_tmp_file_wl.txt", "w") as f:
    f.writelines(["p\n", "q", "r\n"])
    f.writelines(str(i) for i in range(3))
with open("rc_tmp_file_wl.txt") as f:
    print(repr(f.read()))
