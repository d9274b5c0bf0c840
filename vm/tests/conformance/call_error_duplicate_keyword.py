# A keyword given twice through ** is an error naming the function.
def f(*a, **k):
    return k


class A:
    def m(self, **k):
        pass


def t(thunk):
    try:
        thunk()
    except TypeError as e:
        print(e)


t(lambda: f(a=1, **{"a": 2}))
t(lambda: f(**{"a": 1}, **{"a": 2}))
t(lambda: A().m(x=1, **{"x": 2}))
t(lambda: dict(a=1, **{"a": 2}))
print(f(a=1, **{"b": 2}))
t(lambda: f(**{"a": 1}, a=2))
print(f(**{"a": 1}, b=2, **{"c": 3}, d=4))
