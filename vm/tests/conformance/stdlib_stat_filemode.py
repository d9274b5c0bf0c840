import stat

for mode in [0o100755, 0o40700, 0o120777, 0o100600, 0o104755, 0o20644]:
    print(oct(mode), stat.filemode(mode), stat.S_IFMT(mode) == stat.S_IFREG)
print(stat.S_ISLNK(0o120777), stat.S_ISCHR(0o20644), stat.S_ISFIFO(0o10644))
print(stat.ST_MODE, stat.ST_SIZE, stat.UF_HIDDEN)
