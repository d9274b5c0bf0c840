# int.to_bytes and int.from_bytes.
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (255).to_bytes(), (0).to_bytes(3, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-129).to_bytes(2, 'little', signed=True), (127).to_bytes(1, 'big', signed=True))
print((2**70).to_bytes(9, 'big'), (0).to_bytes(0, 'big'), (5).to_bytes(length=2, byteorder='little'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\x00'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\x7f', 'big', signed=True), int.from_bytes(b'', 'big'))
print(int.from_bytes([1, 2], 'big'), int.from_bytes(bytearray(b'\x01\x00'), byteorder='little'), int.from_bytes(b'\x01' * 12, 'big'))
n = 123456789
print(int.from_bytes(n.to_bytes(8, 'little'), 'little') == n)
for thunk in [lambda: (1000).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (128).to_bytes(1, 'big', signed=True)]:
    try:
        thunk()
    except OverflowError as e:
        print('OverflowError:', e)
for thunk in [lambda: (1).to_bytes(1, 'middle'), lambda: (1).to_bytes(-1, 'big'), lambda: int.from_bytes(b'x', 'middle')]:
    try:
        thunk()
    except ValueError as e:
        print('ValueError:', e)
try:
    int.from_bytes('ab', 'big')
except TypeError as e:
    print('TypeError:', e)
for thunk in [lambda: (1).to_bytes(1, None), lambda: (1).to_bytes(-1, None), lambda: int.from_bytes(1, None),
              lambda: int.from_bytes((256,), 1), lambda: (0).to_bytes(-1, 'mid'), lambda: int.from_bytes(None, 'mid')]:
    try:
        thunk()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print((7).from_bytes(b'\x01\x00', 'little'), (7).from_bytes([1, 0]))
