# str.encode and bytes.decode with UTF-8, ASCII and Latin-1, and their errors.
s = 'héllo wörld €'
u = s.encode()
print(u, len(u), u.decode(), u.decode('utf-8') == s, s.encode('UTF-8') == u, s.encode('utf8') == u)
print('abc'.encode('ascii'), 'café'.encode('latin-1'), b'caf\xe9'.decode('latin-1'), b'abc'.decode('ascii'))
print('aé€'.encode('ascii', 'replace'), 'aé€'.encode('ascii', 'ignore'), 'aé€'.encode('latin-1', 'xmlcharrefreplace'))
print('aé'.encode('ascii', 'backslashreplace'), b'a\xffb'.decode('utf-8', 'backslashreplace'))
print(b'a\xffb\xfe'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), b'\xe9t\xe9'.decode('ascii', 'replace'))
print(bytearray('hé', 'utf-8').decode(), 'x'.encode(encoding='ascii'), b'y'.decode(encoding='ascii', errors='strict'))
cases = [lambda: 'é'.encode('ascii'), lambda: 'ééé€x'.encode('ascii'), lambda: '€'.encode('latin-1'),
         lambda: 'a😀'.encode('latin-1'), lambda: b'\xff'.decode(), lambda: b'ab\xe4\xb8'.decode(),
         lambda: b'\xe4A'.decode(), lambda: b'\xe4\xb8A'.decode('utf-8'), lambda: b'ok\xe9'.decode('ascii'),
         lambda: b'\xc0\x80'.decode(), lambda: b'\xed\xa0\x80'.decode()]
for thunk in cases:
    try:
        thunk()
    except UnicodeError as e:
        print(type(e).__name__ + ':', e)
        print(isinstance(e, ValueError), e.args[0], e.args[2:])
for thunk in [lambda: 'x'.encode('nope'), lambda: b'x'.decode('bogus'), lambda: b'\xff'.decode('utf-8', 'nope')]:
    try:
        thunk()
    except LookupError as e:
        print('LookupError:', e)
print(b'x'.decode('utf-8', 'nope'))
try:
    b'caf\xe9'.decode()
except UnicodeDecodeError as e:
    print(repr(e))
print(repr(b''.decode('bogus')), repr(bytearray().decode('utf-8', 'bogus')), repr(str(b'', 'bogus')))
try:
    b'\x80'.decode('utf-8', 'xmlcharrefreplace')
except TypeError as e:
    print('TypeError:', e)
print(repr(b'\xa0\xad'.decode('latin-1')), repr('\xa0\u2000\u3000 x'))
