import struct

print(struct.pack("<ih", 1, 2), struct.unpack("<i", b"\x01\x00\x00\x00"))
print(struct.calcsize("<iqd"))
