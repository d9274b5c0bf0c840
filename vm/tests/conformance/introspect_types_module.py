import types
import inspect


def gen():
    yield 1


def f():
    pass


class K:
    pass


print(isinstance(gen(), types.GeneratorType), isinstance(f, types.GeneratorType))
print(isinstance(f, types.FunctionType), isinstance(len, types.FunctionType))
print(types.GeneratorType.__name__, types.FunctionType.__name__)
ns = types.SimpleNamespace(a=1, b="two")
print(ns)
ns.c = [3]
print(ns, ns.a, ns.c)
print(ns == types.SimpleNamespace(a=1, b="two", c=[3]))
print(types.SimpleNamespace())
print(inspect.isgenerator(gen()), inspect.isgenerator(gen))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f))
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isfunction(K))
print(inspect.isclass(K), inspect.isclass(K()), inspect.isclass(int))
