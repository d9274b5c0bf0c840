# Wrong numbers of arguments to bytes and bytearray methods: CPython's four wordings.
calls = [
    lambda: b'a'.find(), lambda: b'a'.count(b'a', 0, 1, 2), lambda: b'a'.split(b'a', 1, 2),
    lambda: b'a'.strip(b'a', b'b'), lambda: b'a'.replace(b'a'), lambda: b'a'.center(),
    lambda: b'a'.partition(), lambda: bytearray(b'a').zfill(1, 2), lambda: b'a'.upper(1),
    lambda: bytearray(b'a').isdigit(1), lambda: b'a'.translate(), lambda: b'a'.splitlines(1, 2),
    lambda: bytearray(b'a').append(), lambda: bytearray(b'a').insert(1), lambda: bytearray(b'a').pop(1, 2),
    lambda: bytearray(b'a').clear(1), lambda: b'a'.join(), lambda: b'a'.hex(b':', 1, 2),
    lambda: b'a'.join(5), lambda: b'a'.splitlines(b'x'), lambda: b'a'.decode(None),
    lambda: b'ab'.hex(5), lambda: b'ab'.hex([1, 2]), lambda: b'ab'.hex([1]),
    lambda: b'a'.rsplit(0, bytearray(b'x')), lambda: None * b'x', lambda: 'abc'[str('x')],
]
for c in calls:
    try:
        c()
        print('no error')
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(b'a\nb'.splitlines(2), 'x' % b'q', 'x' % bytearray(b'q'))
for thunk in [lambda: b'x' % b'y', lambda: b'x' % bytearray(b'y'), lambda: b'%s' % (b'a', b'b')]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
