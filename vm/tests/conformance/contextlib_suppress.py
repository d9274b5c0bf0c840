from contextlib import suppress

with suppress(KeyError, IndexError):
    [][1]
print('after IndexError')
with suppress(KeyError):
    print('no error')
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print('not suppressed')
