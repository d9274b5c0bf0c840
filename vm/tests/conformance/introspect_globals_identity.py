# globals() is one live dict: the same object each time, in definition order.
import sys

g = globals()
print(g is globals())
first = 1
second = 2


def third():
    pass


print([k for k in g if not k.startswith("__")])
print(g is sys.modules[__name__].__dict__, g is vars(sys.modules[__name__]))
print(sys._getframe().f_globals is g)
print(len(g) == len(list(g.items())))
late = "late"
print(g["late"], "late" in g)
