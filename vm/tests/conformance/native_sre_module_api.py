# _sre module constants and case helpers used by re._compiler
# (pattern code made by CPython 3.11's re._compiler)
import _sre


print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(ord(c)) for c in "aZ1_é"])
print([_sre.unicode_iscased(ord(c)) for c in "aZ1_éß"])
print([chr(_sre.ascii_tolower(ord(c))) for c in "AZaÉ"])
print([chr(_sre.unicode_tolower(ord(c))) for c in "AZaÉΣ"])
