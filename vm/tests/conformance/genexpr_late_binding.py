n = 1
g = (i * n for i in range(3))
n = 100
print(list(g))

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
