# Indexing, slices, slice assignment and deletion, + and *.
from array import array
a = array("h", range(10))
print(a[2:5], a[::-2], a[-3:])
a[1:3] = array("h", [100, 200, 300])
del a[0]
del a[::3]
print(a)
a[0] = -5
print(a + array("h", [1]), array("h", [1, 2]) * 3, 2 * array("h", [9]))
b = array("h", [1]); b += array("h", [2]); b *= 2; print(b)
print(array("i", [1, 2]) == array("d", [1.0, 2.0]), array("i", [1]) < array("i", [2]), array("i") == [])
