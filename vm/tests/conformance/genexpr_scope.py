x = "global"
data = [1, 2, 3]
g = (x for x in data)
print(x)
print(list(g))


class C:
    factor = 10
    items = [1, 2, 3]
    scaled = [i for i in items]
    try:
        bad = list(i * factor for i in items)
    except NameError as e:
        print("NameError:", e)


print(C.scaled)
