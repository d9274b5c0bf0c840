import math, sys, types, inspect
def gen():
    yield 1
g = gen()
print(repr(g) == "<generator object gen at %s>" % hex(id(g)))
newname = 5
print(newname)
def f(a):
    b = 2
    print(dir())
    print(sorted(vars().items()))
f(1)
print([n for n in dir(math) if n.startswith("f")][:5])
class K:
    """K doc"""
    x = 1
print(sorted(k for k in vars(K) if not k.startswith("__") or k == "__doc__"))
print(K.__doc__, math.__doc__ is None or isinstance(math.__doc__, str))
print(types.SimpleNamespace(a=1, b=[2]))
ns = types.SimpleNamespace(**{"z": 1})
del ns.z
print(ns)
print(g.gi_frame.f_globals["__name__"], g.gi_frame.f_code.co_filename.endswith("introspect_dir_types.py"))
print(inspect.getgeneratorlocals(g))
x = sys._getframe()
print(x.f_locals is x.f_globals or type(x.f_locals).__name__)
try:
    inspect.getgeneratorstate(5)
except AttributeError as e:
    print(e)
print(isinstance(g, types.GeneratorType), type(g) is types.GeneratorType)
print(issubclass(types.GeneratorType, object), types.FunctionType)
print(types.GeneratorType)
print(type(sys._getframe()), type(g.gi_code))
