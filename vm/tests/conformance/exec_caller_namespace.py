# exec without mappings runs in the caller's namespace.
exec("w = 4")
print(w)


def f():
    z = 3
    exec("print(z + 1)")
    exec("z = 100")
    return z


print(f())
