import helper_pkg_rel.inner.up as up

m = __import__("leaf", up.__dict__, None, ["LEAF"], 1)
print(m.__name__, m.LEAF)
try:
    __import__("x", level=-1)
except ValueError as e:
    print(e)
try:
    __import__("")
except ValueError as e:
    print(e)
