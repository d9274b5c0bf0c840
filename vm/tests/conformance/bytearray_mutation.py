# bytearray: a mutable bytes.
ba = bytearray(b'hello')
print(ba, repr(ba), len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]))
ba[0] = 72
ba[-1] = ord('O')
print(ba)
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b'e'
print(ba)
ba[0:0] = [33, 34]
print(ba)
del ba[0]
del ba[:1]
print(ba)
ba.append(33)
ba.extend(b' more')
ba.extend([46, 46])
ba.extend(x for x in b'!')
print(ba, ba.pop(), ba.pop(0), ba)
ba += b'++'
ba += bytearray(b'--')
print(ba)
alias = ba
ba += b'!'
print(alias is ba, alias)
ba.insert(0, 60)
ba.remove(60)
ba.reverse()
print(ba)
ba.clear()
print(ba, len(ba), bool(ba))
c = bytearray(b'abc')
print(bytes(c), c == b'abc', c.decode(), c.upper(), c.split(b'b'), c + b'd', b'd' + c, c * 2, list(c))
print(c.copy() == c, c.copy() is c, c.find(b'c'), c.hex(), c.startswith(b'ab'), b'b' in c, 98 in c)
import copy
d = copy.copy(c)
e = copy.deepcopy(c)
d[0] = 120
print(c, d, e, d is c, e is c)
b = b'imm'
print(copy.copy(b) is b, copy.deepcopy(b) is b)
def setitem(seq, i, v):
    seq[i] = v
for thunk in [lambda: setitem(c, 0, 256), lambda: c.append(-1)]:
    try:
        thunk()
    except ValueError as e:
        print('ValueError:', e)
for thunk in [lambda: setitem(c, 0, 'a'), lambda: c.append('a'), lambda: hash(c),
              lambda: setitem(c, slice(0, 1), 5), lambda: c.extend('ab')]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
for thunk in [lambda: c[10], lambda: c.pop(10), lambda: bytearray().pop()]:
    try:
        thunk()
    except IndexError as e:
        print('IndexError:', e)
try:
    c[10] = 1
except IndexError as e:
    print('IndexError:', e)
