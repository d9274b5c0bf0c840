import sys, weakref, inspect


class P:
    pass


p = P()
px = weakref.proxy(p)
px.name = "q"
print(p.name, px.name)
p.__dict__.pop("name") if False else delattr(p, "name")
print(hasattr(p, "name"))
for call in [lambda: sys._getframe("x"), lambda: weakref.ref(), lambda: weakref.ref(p, None, 3),
             lambda: inspect.getgeneratorlocals(None), lambda: weakref.ref(p)(1),
             lambda: sys._getframe(1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__ + ":", e)
