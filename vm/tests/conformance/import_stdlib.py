import math
import itertools as it
from collections import deque, OrderedDict
from functools import reduce
import sys

print(math.sqrt(16), math.pi > 3)
print(list(it.islice(it.count(5), 3)))
print(deque([1, 2]), reduce(lambda a, b: a * b, range(1, 6)))
print(type(sys.argv).__name__, "math" in sys.modules)
od = OrderedDict()
od["z"] = 1
od["a"] = 2
print(list(od))
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
