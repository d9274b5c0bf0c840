from contextlib import contextmanager


@contextmanager
def logged():
    print('before')
    yield
    print('after')


@logged()
def work(x):
    print('work', x)
    return x * 2


print(work(3))
print(work(4))
