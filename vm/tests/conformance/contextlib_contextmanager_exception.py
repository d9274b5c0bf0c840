from contextlib import contextmanager


@contextmanager
def guard():
    try:
        yield
    except ValueError as e:
        print('handled', e)


with guard():
    raise ValueError('oops')
print('continued')
try:
    with guard():
        raise KeyError('k')
except KeyError as e:
    print('escaped', e)
