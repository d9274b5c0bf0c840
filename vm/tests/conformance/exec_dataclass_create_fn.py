# dataclasses' _create_fn pattern: exec a factory into a fresh namespace with a
# module's globals, then call it with the locals the generated code needs.
import sys


def create_fn(name, args, body, *, globals, locals=None, return_type=None):
    locals = dict(locals or {})
    ann = ""
    if return_type is not None:
        locals["_return_type"] = return_type
        ann = "->_return_type"
    body = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({','.join(args)}){ann}:\n{body}"
    txt = f"def __create_fn__({', '.join(locals)}):\n{txt}\n return {name}"
    ns = {}
    exec(txt, globals, ns)
    return ns["__create_fn__"](**locals)


class P:
    pass


P.__init__ = create_fn("__init__", ["self", "x", "y=_dflt"], ["self.x=x", "self.y=y"],
                       globals=sys.modules[__name__].__dict__, locals={"_dflt": 7})
P.__repr__ = create_fn("__repr__", ["self"], ["return f'P(x={self.x}, y={self.y})'"],
                       globals=globals(), return_type=str)
print(P(1), P(1, 2))
print(P.__init__.__qualname__, P.__init__.__globals__ is globals(), P.__repr__.__annotations__)
