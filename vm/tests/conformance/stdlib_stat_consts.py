import stat

print(stat.S_IFDIR, stat.S_IFREG, stat.S_IFLNK)
print(stat.S_ISDIR(0o40755), stat.S_ISREG(0o100644))
print(stat.filemode(0o100644), stat.filemode(0o40755))
print(stat.S_IMODE(0o100644))
