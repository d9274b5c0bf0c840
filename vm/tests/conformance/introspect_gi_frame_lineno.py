def gen():
    x = 1
    yield x
    y = 2
    yield y


g = gen()
print(g.gi_frame is not None, g.gi_frame.f_lineno)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
print(g.gi_frame.f_code.co_name, g.gi_frame.f_back)
for _ in g:
    pass
print(g.gi_frame)
