import sys
import inspect


def a():
    return b()


def b():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_lineno)
    print(f.f_back.f_code.co_name, f.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name)
    print(sys._getframe(2).f_code.co_name)
    print(f.f_back.f_back.f_back)
    local_value = 42
    print(sorted(sys._getframe().f_locals))
    print(f.f_globals["__name__"], "a" in f.f_globals)
    print(f.f_lineno, f.f_back.f_lineno)
    cf = inspect.currentframe()
    print(cf.f_code.co_name, cf.f_lineno)
    st = inspect.stack()
    print([e.function for e in st], [e[3] for e in st], st[0].lineno)
    return "done"


print(a())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
