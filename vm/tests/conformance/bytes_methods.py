# Common methods of bytes.
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' Hd'), b'xxaxx'.strip(b'x'))
print(b.split(), b'a,b,,c'.split(b','), b'a,b,c'.split(b',', 1), b'a b c'.rsplit(None, 1))
print(b'a,b,c'.rsplit(b',', 1), b' a b c '.split(None, 1), b''.split(), b''.split(b','))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join(x for x in [b'p', b'q']))
print(b.upper(), b.lower(), b'abc'.title(), b'aBc'.swapcase(), b'abc'.capitalize())
print(b.find(b'o'), b.rfind(b'o'), b.find(b'z'), b.find(111), b.find(b'o', 7), b.find(b'o', 2, 6))
print(b.index(b'W'), b.rindex(b'l'), b.count(b'l'), b.count(108), b.count(b''))
print(b.startswith(b'  H'), b.endswith((b'x', b'  ')), b.startswith(b'H', 2), b'abc'.endswith(b'b', 0, 2))
print(b'aaa'.replace(b'a', b'bb'), b'aaa'.replace(b'a', b'', 2), b'ab'.replace(b'', b'-'))
print(b'123'.isdigit(), b'12a'.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t'.isspace(), b''.isdigit())
print(b'ABC'.isupper(), b'abc'.islower(), b'1'.isupper())
print(b'a=b=c'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'x'), b'abc'.rpartition(b'x'))
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\n'.splitlines(True), b''.splitlines())
print(b'ab'.ljust(5), b'ab'.rjust(5, b'*'), b'ab'.center(7, b'-'), b'abc'.center(6), b'ab'.center(1))
print(b'42'.zfill(5), b'-42'.zfill(5), b'+7'.zfill(3), b'abc'.zfill(2))
print(b'prefix-body'.removeprefix(b'prefix-'), b'body.py'.removesuffix(b'.py'), b'x'.removesuffix(b''))
print(b'\xde\xad\xbe\xef'.hex(), b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03'.hex('-', 2), b'\x01\x02\x03'.hex('-', -2), b''.hex())
print(bytes.fromhex('de ad BE EF'), bytes.fromhex(''), bytearray.fromhex('00ff'))
for thunk in [lambda: b.find('o'), lambda: b.split('o'), lambda: b.startswith('x'),
              lambda: b'-'.join([b'a', 'b']), lambda: b.replace('a', 'b'), lambda: b.strip('a'),
              lambda: b'abc'.center(9, '*'), lambda: b'abc'.ljust(9, b'**')]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
for thunk in [lambda: b.index(b'zz'), lambda: b.rindex(b'zz'), lambda: bytes.fromhex('0g'),
              lambda: bytes.fromhex('abc'), lambda: b.split(b''), lambda: b'a'.hex('')]:
    try:
        thunk()
    except ValueError as e:
        print('ValueError:', e)
