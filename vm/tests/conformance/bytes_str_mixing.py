# str and bytes do not mix: sum, str.startswith/endswith, join, concatenation.
print('ab'.startswith(('a', b'a')))
for thunk in [lambda: sum([b'a'], b''), lambda: sum([], bytearray()), lambda: 'abc'.startswith(b'a'),
              lambda: 'abc'.endswith((b'x', 'c'))]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
for thunk in [lambda: ''.join(['a', b'b']), lambda: 'a' + b'b', lambda: b'a'.join([b'x', 'y'])]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
print('%s|%r' % (b'x', bytearray(b'y')), str(b'z'), f'{b"w"}', 'b' in 'abc', b'b' in b'abc')
