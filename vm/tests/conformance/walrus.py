data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
print([y for x in data if (y := x * 2) > 6])
print(y)
it = iter(data)
while (v := next(it, None)) is not None:
    print("v", v)
total = 0
sums = [total := total + x for x in data]
print(sums, total)
print((z := 5) + z)
