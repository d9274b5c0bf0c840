m = memoryview(b"\x01\x00\x00\x00\x02\x00\x00\x00")
print(len(m), m[0], m.tobytes())
print(m.cast("I").tolist())
ba = bytearray(b"abc")
v = memoryview(ba)
v[0] = 122
print(ba, v[1:].tobytes())
