# CPython's range and type checks on array items.
from array import array
cases = [("b", 128), ("b", 40000), ("B", -1), ("B", 256), ("h", 1 << 15), ("H", -1), ("H", 1 << 16),
         ("i", 1 << 31), ("I", -1), ("I", 1 << 32), ("l", 1 << 63), ("L", 1 << 64), ("q", 1 << 63),
         ("Q", -1), ("i", 1.5), ("d", "x"), ("u", "ab"), ("b", None)]
for tc, v in cases:
    try:
        array(tc, [v])
    except (OverflowError, TypeError) as e:
        print(tc, type(e).__name__, e)
for f in [lambda: array("z"), lambda: array("b", "abc"), lambda: array("i").pop(),
          lambda: array("i", [1]).pop(3), lambda: array("i", [1]).remove(2),
          lambda: array("i", [1])[3], lambda: array("i", [1]).extend(array("d")),
          lambda: array("i") + array("d"), lambda: array("i").tounicode(),
          lambda: array("i").fromlist((1,))]:
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
