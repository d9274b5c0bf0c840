# Binary files: 'wb', 'ab' and 'rb'.
name = 'rc_tmp_bytes.txt'
with open(name, 'wb') as f:
    print(f.write(b'\x00\x01binary\xff\n'))
    print(f.write(bytearray(b'line2\n')))
with open(name, 'ab') as f:
    f.write(b'tail')
with open(name, 'rb') as f:
    data = f.read()
print(data, type(data), len(data))
with open(name, 'rb') as f:
    print(f.readline())
    print(f.readlines())
with open(name, 'rb') as f:
    print([line for line in f])
try:
    with open(name, 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TypeError:', e)
with open(name, 'w') as f:
    try:
        f.write(b'bytes')
    except TypeError as e:
        print('TypeError:', e)
    f.write('caf\u00e9')
with open(name, 'rb') as f:
    print(f.read())
with open(name) as f:
    print(f.read())
