# repr and comparisons of deeply nested containers raise RecursionError
# (CPython counts its C recursion); copying and freeing them works.
a = []
b = []
t = ()
d = {}
for i in range(100000):
    a = [a]
    b = [b]
    t = (t,)
    d = {1: d}


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except RecursionError as e:
        print(label, e)


attempt("repr", lambda: repr(a))
attempt("str", lambda: str(t))
attempt("repr dict", lambda: repr(d))
attempt("format", lambda: f"{a}")
attempt("eq", lambda: a == b)
attempt("ne", lambda: a != b)
attempt("lt", lambda: a < b)
attempt("dict eq", lambda: d == {1: {1: d}})
attempt("identical", lambda: t == t)
attempt("in", lambda: b in [a])
a = b = t = d = None
print("freed")
