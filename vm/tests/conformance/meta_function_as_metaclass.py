def meta(name, bases, ns, **kw):
    print("meta called", name, sorted(k for k in ns if not k.startswith("__")), kw)
    ns["added"] = True
    return type(name, bases, ns)


class A(metaclass=meta, extra=1):
    x = 1


print(A.added, A.x, type(A).__name__)
