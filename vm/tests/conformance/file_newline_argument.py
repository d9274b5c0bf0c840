# The newline argument: '' keeps terminators but splits lines at any of them;
# '\r\n' translates written \n; a bad value is rejected.
with open("rc_tmp_file_nl2.txt", "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open("rc_tmp_file_nl2.txt", newline="") as f:
    print(f.readlines())
with open("rc_tmp_file_nl2.txt", "w", newline="") as f:
    f.write("a\rb\r\nc\nd")
with open("rc_tmp_file_nl2.txt", newline="") as f:
    print(f.readlines())
with open("rc_tmp_file_nl2.txt", newline="\r") as f:
    print(f.readlines())
for bad in ["x", "\n\n"]:
    try:
        open("rc_tmp_file_nl2.txt", newline=bad)
    except ValueError as e:
        print(e)
