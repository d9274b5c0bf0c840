def v(x):
    print("eval", x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0 != 2)
print(v(1) < v(0) < v(5))
print(v(1) < v(2) < v(3))
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]])
print("a" < "b" < "bb" < "c", (1, 2) < (1, 3) <= (2,))
print(None is None is not False)
