# Concatenation, repetition, comparisons, hashing and dict keys.
a, b = b'abc', b'abd'
print(a + b, a * 3, 2 * b'xy', a * 0, a * -1)
print(a == b'abc', a != b, a == 'abc', a < b, a <= a, b > a, b'' < a, b'ab' < a, a >= b'abc')
print(a == bytearray(b'abc'), bytearray(b'abc') == a, a < bytearray(b'abd'))
print(hash(a) == hash(b'ab' + b'c'), hash(b'abc') == hash('abc'), hash(b'') == hash(''))
d = {b'k': 1, b'j': 2}
d[b'k'] += 10
print(d, d[b'k'], b'j' in d, 'j' in d)
s = {b'x', b'x', b'y'}
print(len(s), b'x' in s, sorted(s))
print(sorted([b'b', b'a', b'ab', b'']))
print(max(b'x', b'xy'), min([b'q', b'p']))
for thunk in [lambda: a + 'x', lambda: a + 1, lambda: 'x' + a, lambda: a * 'x',
              lambda: a < 'abc', lambda: a - a, lambda: hash(bytearray(b'x')),
              lambda: {bytearray(): 1}]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
x = b'q'
y = x
x += b'r'
print(x, y)
