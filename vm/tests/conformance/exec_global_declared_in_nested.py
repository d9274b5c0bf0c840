# In exec'd code with separate locals, a name some nested function declares
# global is stored in the globals at the top level.
g, l = {}, {}
exec("""if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g1, h1 = f()
    r = (g1(), h1())
""", g, l)
print(l["r"], "y" in g, "y" in l, sorted(k for k in l))
