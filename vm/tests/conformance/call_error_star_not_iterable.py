# *args of something not iterable: CPython's two wordings.
def f(*a, **k):
    pass


def t(thunk):
    try:
        thunk()
    except TypeError as e:
        print(e)


t(lambda: f(*5))
t(lambda: f(1, *5))
t(lambda: [*5])
t(lambda: print(*None))
print(f(*iter([1, 2])), f(*"ab", *[3]))
