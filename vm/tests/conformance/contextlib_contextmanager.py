from contextlib import contextmanager


@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')


with tag('p') as t:
    print('inside', t)
