# printf-style formatting of bytes and bytearray.
print(b'%s and %b' % (b'x', bytearray(b'y')), b'%d%% %x %05.1f' % (5, 255, 2.25), b'%5b|%-4s|' % (b'ab', b'c'))
print(b'%c%c' % (65, b'B'), b'%r %a' % ('\u00e9', b'x'), b'%(k)s' % {b'k': b'v'}, b'\xff%s\x00' % b'\xfe')
print(bytearray(b'[%s]') % b'q', b'%.1b' % b'xyz', b'no args' % (), b'%s' % b'solo')
for thunk in [lambda: b'%s' % 'text', lambda: b'%c' % 'a', lambda: b'%s %s' % (b'a',), lambda: b'%d' % b'1']:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
for thunk in [lambda: b'%y' % 1, lambda: b'%c' % 300, lambda: b'%(k)s' % {'k': b'v'}]:
    try:
        thunk()
    except (ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__ + ':', e)
print(b'%i|%f' % (1.5, 2))
for thunk in [lambda: b'%i' % b'x', lambda: b'%5.2f' % 's', lambda: b'%g' % None, lambda: b'%u' % 'x', lambda: b'%x' % 'x']:
    try:
        thunk()
    except TypeError as e:
        print('TypeError:', e)
