# bytes() and bytearray() construction and their errors.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(range(97, 100)))
print(bytes(b'copy'), bytes(bytearray(b'ba')), bytes('héllo', 'utf-8'), bytes('abc', 'ascii'))
print(bytes('x€y', 'ascii', 'replace'), bytes(x * 2 for x in range(3)), bytes(True))
b = b'same'
print(bytes(b) is b)
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray(b'ab'), bytearray('hé', 'latin-1'))
print(str(b'abc', 'ascii'), str(bytearray(b'xy'), 'utf-8'), str(b'\xe9', 'latin-1'), str(b'a\xffb', 'utf-8', 'ignore'))
for thunk in [lambda: bytes('abc'), lambda: bytes(1.5), lambda: bytes(b'x', 'utf-8'),
              lambda: bytes(['a']), lambda: bytearray('a'), lambda: bytes(None),
              lambda: bytes(3, 'ascii'), lambda: bytes(object())]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
for thunk in [lambda: bytes(-1), lambda: bytes([256]), lambda: bytearray([-1]), lambda: bytes([1, 2, 300])]:
    try:
        thunk()
    except ValueError as e:
        print('ValueError:', e)
try:
    bytes('x', 'no-such-codec')
except LookupError as e:
    print('LookupError:', e)
print(int(b'42'), int(b' -7 '), int(b'ff', 16), float(b'1.5'), int(bytearray(b'3')), b'ab\x80'.isascii())
for thunk in [lambda: int(b'x'), lambda: int(bytearray(b'1.5')), lambda: float(b'x'), lambda: float(bytearray(b'y'))]:
    try:
        thunk()
    except ValueError as e:
        print('ValueError:', e)
for thunk in [lambda: bytearray(None), lambda: bytes(1, 2), lambda: bytearray(b'x', None), lambda: bytes('x', 'ascii', 5)]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
try:
    bytes('x', 'a\x00b')
except ValueError as e:
    print('ValueError:', e)
