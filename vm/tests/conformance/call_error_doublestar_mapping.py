# **kwargs of something that is not a mapping, and keys that are not strings.
def f(*a, **k):
    return k


def t(thunk):
    try:
        thunk()
    except TypeError as e:
        print(e)


t(lambda: f(**5))
t(lambda: f(1, **[("a", 1)]))
t(lambda: {**5})
t(lambda: f(**{1: 2}))


class M:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k.upper()


print(f(**M()), {**M()})
