# The pattern collections.namedtuple and dataclasses use: build source, exec it
# into a namespace with chosen globals, then use the functions it made.
def make_init(fields):
    args = ", ".join(fields)
    body = "\n".join(f"    self.{f} = {f}" for f in fields)
    src = f"def __init__(self, {args}):\n{body}\n"
    ns = {}
    exec(src, {"__name__": "generated"}, ns)
    return ns["__init__"]


class P:
    pass


P.__init__ = make_init(["x", "y"])
p = P(1, 2)
print(p.x, p.y, P.__init__.__module__, P.__init__.__globals__["__name__"])
src = "def __repr__(self):\n    return f'P(x={self.x!r}, y={self.y!r})'\n"
ns = {}
exec(src, {}, ns)
P.__repr__ = ns["__repr__"]
print(p)
