import copy

z = 1 + 2j
print(copy.copy(z), copy.deepcopy(z), copy.deepcopy([z, {"k": z}]))
class C(complex):
    pass


c = C(3, 4)
c.tag = "t"
d = copy.deepcopy(c)
print(type(d).__name__, d, d.tag)
