# bytearray slice assignment and deletion, extended slices included.
def assign(ba, k, v):
    try:
        ba[k] = v
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ':', e)
    return ba
def delete(ba, k):
    try:
        del ba[k]
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ':', e)
    return ba
print(assign(bytearray(b'abcdef'), slice(None, None, -2), b'XYZ'))
print(assign(bytearray(b'abcdef'), slice(None, None, -2), b'XY'))
print(assign(bytearray(b'abcdef'), slice(5, 1), b'XY'))
print(assign(bytearray(b'abcdef'), slice(1, 3), [1, 2, 3]))
print(assign(bytearray(b'abcdef'), slice(1, 3), bytearray()))
print(assign(bytearray(b'abcdef'), slice(0, 2), 5))
print(assign(bytearray(b'abcdef'), slice(0, 2), [300]))
print(assign(bytearray(b'abc'), -1, 0), assign(bytearray(b'abc'), -4, 0))
ba = bytearray(b'0123')
ba[:] = ba + ba
print(ba)
print(delete(bytearray(b'abcdef'), slice(None, None, -2)), delete(bytearray(b'abcdef'), slice(1, 100)))
print(delete(bytearray(b'abcdef'), 10), delete(bytearray(b'abcdef'), -1), delete(bytearray(b'ab'), 'x'))
for b in [b'abc', 'abc', (1, 2)]:
    try:
        del b[0]
    except TypeError as e:
        print('TypeError:', e)
print(repr(bytearray(b"'")), repr(bytearray(b'"')), repr(bytearray(b'\'"')), str(bytearray(b'it\'s')))
print(assign(bytearray(b'hello'), slice(0, 5, 2), b''), assign(bytearray(3), slice(1, 3), 1.5), assign(bytearray(3), slice(1, 3), slice(1, 2)))
print(assign(bytearray(), 0, -4), assign(bytearray(), 'x', 1), assign(bytearray(b'ab'), 5, None))
ba = bytearray()
try:
    ba.pop('x')
except TypeError as e:
    print('TypeError:', e)
