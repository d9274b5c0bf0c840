s = "abcdefghij"
lst = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[::-1], s[8:2:-2])
print(lst[1:8:3], lst[-1:-5:-1], lst[100:], lst[-100:2], lst[5:1])
t = tuple(lst)
print(t[::3], t[:0])
lst[2:4] = ["x", "y", "z"]
print(lst)
lst[::4] = [None] * len(lst[::4])
print(lst)
try:
    lst[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 5, 2), s[slice(1, 5, 2)], slice(None).indices(4))
print(range(20)[3:15:4], list(range(20)[::-5]))
