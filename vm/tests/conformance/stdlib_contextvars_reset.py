import contextvars

v = contextvars.ContextVar("v", default=1)
t = v.set(2)
print(v.get())
v.reset(t)
print(v.get())
ctx = contextvars.copy_context()
print(ctx.run(v.get))
