# start/end arguments of the bytes search methods, past the ends included.
b = b'abcabc'
print(b.find(b'c', 2), b.find(b'c', -1), b.find(b'c', 3, 5), b.find(b'', 6), b.find(b'', 7))
print(b.rfind(b'b', 0, 4), b.rfind(b'', 1, 2), b.rfind(b'a', -3), b.rfind(b'', 9))
print(b.count(b'', 1), b.count(b'', 7), b.count(b'bc', 2), b.count(99, None, 3))
print(b.index(98, 0, 2), b.rindex(b'abc', 0), b.startswith(b'c', 2), b.startswith(b'', 7))
print(b.endswith(b'', 6), b.endswith(b'', 7), b.endswith((b'b', b'c'), 0, 3), b.endswith(b'ab', -4, -2))
print(b.startswith(()), b'a b'.split(None, 0), b'a b'.split(b' ', -1), b'a b'.rsplit(b' ', 0), b'   '.split())
for thunk in [lambda: b.index(300), lambda: b.find(b'a', 'x'), lambda: b.startswith((b'x', 'a'))]:
    try:
        thunk()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(b.find(b'', 2, 1), b.count(b'', 2, 1), b.startswith(b'', 2, 1), b.find(b'', 6), b.rfind(b'', -10, 2), b'abc'.startswith(b'', -1, 0))
