import inspect, sys, types

def gen():
    x = 1
    yield x
    x = 2
    yield x

g = gen()
fr = g.gi_frame
print(fr.f_lineno, fr.f_code is g.gi_code, fr.f_code == g.gi_code)
next(g)
print(fr.f_lineno, fr.f_locals)
next(g)
print(fr.f_lineno, fr.f_locals)
print(g.gi_code)
print(type(fr).__name__, type(g.gi_code).__name__)

def me():
    return inspect.stack()[0]
s = me()
print(s.function, s.lineno, s.code_context, s.index, s.filename.endswith("introspect_frame_live.py"))
print(inspect.getgeneratorstate(g))
def runner():
    print("running frame back:", g2.gi_frame.f_back is not None, g2.gi_frame.f_lineno)
    yield
g2 = runner()
next(g2)
print(types.SimpleNamespace(x=1) != types.SimpleNamespace(x=2))
print(vars(types.SimpleNamespace(a=1)))
print(repr(types.SimpleNamespace))
print(inspect.isgeneratorfunction(runner), inspect.isfunction(runner), inspect.isgenerator(g2))
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
print(gen.__code__.co_flags, me.__code__.co_flags, (lambda: 0).__code__.co_flags)
