from collections.abc import Generator, Iterator, Iterable, Coroutine


def gen():
    yield 1


g = gen()
print(isinstance(g, Generator), isinstance(g, Iterator), isinstance(g, Iterable))
print(isinstance(g, Coroutine))
print(isinstance(iter([]), Iterator), isinstance(iter({}), Iterator), isinstance([], Iterator))
