# _stat: mode constants, S_IS* tests, S_IMODE/S_IFMT and filemode
import _stat

print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IFLNK, _stat.S_IRWXU, _stat.S_ISUID, _stat.UF_HIDDEN)
for mode in [0o40755, 0o100644, 0o120777, 0o104755, 0o42777, 0o10600, 0o140000, 0o20620, 0o60660, 0o1777]:
    print(oct(mode), _stat.filemode(mode), _stat.S_ISDIR(mode), _stat.S_ISREG(mode), _stat.S_ISLNK(mode),
          oct(_stat.S_IMODE(mode)), oct(_stat.S_IFMT(mode)))
