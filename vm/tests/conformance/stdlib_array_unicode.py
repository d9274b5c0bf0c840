# Unicode arrays: fromunicode / tounicode and their checks.
from array import array
u = array("u", "héllo")
u.fromunicode(" wörld")
print(u, u.tounicode(), len(u), u[1], u.itemsize)
u[0] = "H"
print(u.tounicode(), u.index("o"), u.count("l"))
for f in [lambda: u.append("ab"), lambda: u.fromunicode(5), lambda: array("i").fromunicode("x"),
          lambda: array("i", u)]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
