x = 1
y = x + 2 * x
print(x, y, "two words", 1.5, None, True)
if x < y and not y is None:
    z = [x, y][0]
else:
    z = -x
del z
