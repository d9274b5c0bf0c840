def outer():
    def inner(a, b=2, *rest, **kw):
        c = a + b
        yield c

    return inner


def plain(x):
    return x


g = outer()(1)
c = g.gi_code
print(c.co_name, c.co_qualname)
print(c.co_filename.endswith("introspect_gi_code.py"), c.co_firstlineno)
print(c.co_varnames)
print(bool(c.co_flags & 0x20), bool(plain.__code__.co_flags & 0x20))
print(plain.__code__.co_name, plain.__code__.co_varnames, plain.__code__.co_argcount)
list(g)
print(g.gi_code.co_name)
