# The co_* fields of a function's code that inspect and dataclasses read.
def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    local = 1
    return local


c = f.__code__
print(c.co_name, c.co_qualname, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount)
print(c.co_varnames, c.co_nlocals)
print(c.co_filename.endswith("func_code_fields.py"), c.co_firstlineno)
print(c.co_flags & 0x4 != 0, c.co_flags & 0x8 != 0, c.co_flags & 0x20 != 0)


def g():
    yield


print(g.__code__.co_flags & 0x20 != 0, g.__code__.co_varnames, g.__code__ is g.__code__)
