# list() and tuple() of a list or tuple copy the outer sequence only.
a = [1, [2]]
b = list(a)
c = tuple(a)
d = list((3, 4))
e = tuple(d)
t = (5, 6)
b[1].append(5)
b.append("b only")
print(a, b, c, d, e)
print(b is a, c is a, tuple(t) is t, list(t), list([]), tuple([]))
print(list(range(3)), tuple("ab"), list({1: 2}), tuple(x for x in a))
