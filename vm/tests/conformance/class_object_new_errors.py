class O:
    def __new__(cls, *a):
        return object.__new__(cls)

    def __init__(self, x):
        self.x = x


print(O(4).x)
try:
    object.__new__(O, 1)
except TypeError as e:
    print(e)


class P:
    pass


try:
    P(1)
except TypeError as e:
    print(e)
try:
    object.__new__(P, 1)
except TypeError as e:
    print(e)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
print(type(object.__new__(P)).__name__)
