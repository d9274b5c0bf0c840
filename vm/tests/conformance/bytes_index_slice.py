# Indexing gives ints, slicing gives bytes; iteration and membership.
b = b'hello world'
print(b[0], b[-1], b[4], type(b[0]))
print(b[1:4], b[::2], b[::-1], b[-5:], b[100:], b[3:1], b[1:9:3], b[::-3])
print(list(b[:5]), [x for x in b'\x00\xff'], tuple(b'ab'))
for ch in b'AZ':
    print(ch, chr(ch))
print(104 in b, 0 in b, b'wor' in b, b'' in b, b'xyz' in b, bytearray(b'lo') in b)
try:
    b[11]
except IndexError as e:
    print('IndexError:', e)
try:
    b[-12]
except IndexError as e:
    print('IndexError:', e)
for bad in ['h', 1.5]:
    try:
        bad in b
    except TypeError as e:
        print('TypeError:', e)
try:
    300 in b
except ValueError as e:
    print('ValueError:', e)
try:
    b['x' + '']
except TypeError as e:
    print('TypeError:', e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError:', e)
it = iter(b'xy')
print(next(it), next(it), next(it, 'done'))
print(sum(b'\x01\x02\x03'), max(b'az'), sorted(b'cab'), list(reversed(b'abc')))
