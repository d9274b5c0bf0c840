# Bytes literals: quotes, raw prefixes, escapes, concatenation, repr and str.
a = b'abc'
b = b"it's"
c = rb'\n\x00' + br"\t"
d = b'\x00\x7f\x80\xff \t\n\r \\ \' "'
e = b'\101\102\7\0' b"joined" b'' B'upper'
print(a, b, c, d, e)
print(repr(a), str(b), repr(d))
print(b'', b'"', b"'", b'\'"')
print(f'{a!r} {a} {b!s:>12} {e!r:.5}')
print('%r %s' % (a, b))
print(format(a), format(b, ''))
print(type(a), type(a) is bytes, isinstance(a, bytes), isinstance(a, (str, bytes)))
print(isinstance('s', bytes), bytes, bytearray)
print(len(a), len(e), len(b''), bool(b''), bool(b'\x00'))
print([a, (b, c)], {'k': d})
