class L(list):
    pass

l = L([1, 2])
l.append(3)
l.extend([4])
print(l, len(l), l[0], l[-1], 3 in l, 9 in l)
print(type(l).__name__, isinstance(l, list), issubclass(L, list))
print(list(l), [x * 2 for x in l], sorted(l, reverse=True))
l += [5]
print(type(l).__name__, l, l == [1, 2, 3, 4, 5], l + [6])
l[0] = 10
del l[1]
print(l, l[1:3], bool(L()), bool(l))
