def source():
    print("source called")
    return [1, 2, 3]


g = (v * 2 for v in source())
print("genexpr created")
print(list(g))

try:
    (y for y in 5)
except TypeError as e:
    print("TypeError:", e)

items = [1, 2]
g2 = (v for v in items)
items = [10, 20]
print(list(g2))
