# A generator's frame object is the same object on every access while it lives.
def gen():
    x = 1
    yield x
    x = 2
    yield x


g = gen()
f = g.gi_frame
print(g.gi_frame is g.gi_frame, f is g.gi_frame)
print(f.f_lineno, f.f_locals)
next(g)
print(g.gi_frame is f, f.f_lineno, f.f_locals)
next(g)
print(g.gi_frame is f, f.f_lineno, f.f_locals)
for _ in g:
    pass
print(g.gi_frame, f.f_lineno, f.f_locals)
