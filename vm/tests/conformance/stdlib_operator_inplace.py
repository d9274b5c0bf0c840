import operator

a = [1]
b = operator.iadd(a, [2])
print(a, b is a)
print(operator.isub(5, 2), operator.imul("ab", 2))
d = {}
operator.setitem(d, "k", 1)
print(d, operator.getitem(d, "k"))
operator.delitem(d, "k")
print(d, operator.length_hint([1, 2, 3]))
