# Text mode reads \r\n and \r as \n (universal newlines); binary mode does not.
with open("rc_tmp_file_nl1.txt", "w", newline="") as f:
    f.write("a\r\nb\rc\nd")
with open("rc_tmp_file_nl1.txt") as f:
    print(repr(f.read()))
with open("rc_tmp_file_nl1.txt") as f:
    print(f.readlines())
with open("rc_tmp_file_nl1.txt", "rb") as f:
    print(f.read())
