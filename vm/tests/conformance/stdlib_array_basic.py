# array construction, repr, typecode, itemsize and list-like methods.
from array import array, typecodes
print(typecodes)
a = array("i", [1, 2, 3])
print(a, a.typecode, a.itemsize, len(a), a[0], a[-1], list(a), 2 in a)
a.append(4); a.insert(0, 0); a.extend([5, 6]); a.extend(array("i", [7]))
print(a, a.pop(), a.pop(0), a.count(3), a.index(3))
a.remove(3); a.reverse(); print(a, a.tolist())
print(array("d"), array("u", "hi"), array("f", [0.1]), array("b", b"AB"))
for tc in typecodes:
    print(tc, array(tc).itemsize)
