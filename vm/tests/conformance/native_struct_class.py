# _struct.Struct: format, size, pack, unpack, pack_into, unpack_from, iter_unpack
import _struct

s = _struct.Struct("<hI")
print(s.format, s.size)
data = s.pack(-3, 40000)
print(data, s.unpack(data), s.unpack_from(b"\x00" + data, 1))
buf = bytearray(8)
s.pack_into(buf, 2, 1, 2)
print(buf, list(s.iter_unpack(data * 2)))
b = _struct.Struct(b">d")
print(b.format, b.size, b.unpack(b.pack(2.5)))
try:
    _struct.Struct(3)
except TypeError as e:
    print("TypeError:", e)
