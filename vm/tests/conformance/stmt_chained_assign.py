a = b = c = [1, 2]
a.append(3)
print(a, b, c, a is c)
x = y = 0
x += 1
print(x, y)
d = {}
d["k"] = d2 = {"nested": True}
print(d, d2 is d["k"])
i = lst = None
lst = [0, 0, 0]
i = lst[i] = 1
print(i, lst)
