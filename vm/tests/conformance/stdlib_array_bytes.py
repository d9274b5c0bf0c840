# tobytes / frombytes / byteswap and bytes(array).
from array import array
a = array("H", [1, 258, 65535])
raw = a.tobytes()
print(raw, bytes(a), bytearray(array("b", [-1, 1])))
b = array("H")
b.frombytes(raw)
print(b, b == a)
b.byteswap()
print(b)
d = array("d", [1.5, -2.0])
print(array("d", d.tobytes()), array("u", "héllo").tobytes()[:8])
q = array("q", [-1]); print(q.tobytes())
try:
    array("i").frombytes(b"abc")
except ValueError as e:
    print("ValueError", e)
