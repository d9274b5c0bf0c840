# Binding errors of methods (qualified names) and of common built-ins.
class A:
    def meth(self, x):
        pass


def t(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print(e)


t(A().meth)
t(A().meth, 1, 2)
t(len)
t(len, 1, 2)
t(isinstance, 1)
t(lambda: 0, 1)
t(print, foo=1)
