# read(size) and readline(size) on binary and text files; open() mode errors.
name = 'rc_tmp_file_sizes.txt'
with open(name, 'wb') as f:
    f.write(b'0123456789\nabc\n')
with open(name, 'rb') as f:
    print(f.read(3), f.read(0), f.read(-1)[:4], f.read(2), f.read())
with open(name, 'rb') as f:
    print(f.readline(4), f.readline(), f.readline(0), f.readline(99), f.readline())
with open(name) as f:
    print(repr(f.read(4)), repr(f.read(None)[:3]), repr(f.read()))
with open(name) as f:
    for bad in ['x', 1.5]:
        try:
            f.read(bad)
        except TypeError as e:
            print('TypeError:', e)
    try:
        f.readline('x')
    except TypeError as e:
        print('TypeError:', e)
for mode in ['rbt', 'bb', 'q', 'rr']:
    try:
        open(name, mode)
    except ValueError as e:
        print('ValueError:', e)
