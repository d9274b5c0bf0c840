# copy/deepcopy of arrays, unhashability and the typed array in hashlib-free code.
import copy
from array import array
a = array("i", [1, 2, 3])
b = copy.copy(a); c = copy.deepcopy(a)
b[0] = 10; c[1] = 20
print(a, b, c)
try:
    hash(a)
except TypeError as e:
    print("TypeError", e)
class Sub(array):
    pass
s = Sub("i", [5, 6])
print(type(s).__name__, s[::-1], isinstance(s, array))
