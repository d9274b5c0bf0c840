def gen():
    print("running:", g.gi_running)
    yield 1


g = gen()
print(g.gi_frame is not None, g.gi_running)
next(g)
print(g.gi_frame.f_lineno)
print(g.__name__, g.__qualname__)
for _ in g:
    pass
print(g.gi_frame)
