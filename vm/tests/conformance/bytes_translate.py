# bytes.maketrans, translate and expandtabs.
table = bytes.maketrans(b'ab', b'xy')
print(len(table), table[95:100], b'abc'.translate(table), b'abc'.translate(None, b'b'), b'abc'.translate(None))
print(bytearray(b'abc').translate(None, delete=b'a'), bytearray.maketrans(b'q', b'r')[113], b'x'.maketrans(b'', b'') == bytes(range(256)))
print(b'a\tbc\td'.expandtabs(), b'a\tb'.expandtabs(4), b'ab\ncd\te'.expandtabs(3), bytearray(b'\t').expandtabs(2), b'a\rb\tc'.expandtabs(4), b'\t'.expandtabs(0))
for thunk in [lambda: bytes.maketrans(b'a', b'xy'), lambda: b'a'.translate(b'x')]:
    try:
        thunk()
    except ValueError as e:
        print('ValueError:', e)
for thunk in [lambda: bytes.maketrans('a', 'b'), lambda: b'a'.translate(None, 'a'), lambda: b'a'.translate('x' * 256)]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
