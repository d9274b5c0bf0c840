# types.FunctionType(code, globals, name, argdefs, closure) builds a function;
# code objects list co_freevars and co_cellvars.
import types
def outer():
    x = 1
    def inner(a, b=2):
        return a + b + x
    return inner
f = outer()
print(f.__code__.co_freevars, outer.__code__.co_cellvars, f.__code__.co_cellvars)
def plain(a, b=5):
    return a * b + g
g = 100
h = types.FunctionType(plain.__code__, {"g": 1}, "renamed", (7,))
print(h(2), h.__name__, h.__defaults__, h.__globals__["g"])
c2 = types.FunctionType(f.__code__, f.__globals__, None, None, f.__closure__)
print(c2(1))
for bad in [lambda: types.FunctionType(f.__code__, {}), lambda: types.FunctionType(1, {}), lambda: types.FunctionType(plain.__code__, [])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
