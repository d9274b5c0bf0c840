import math


class Num:
    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"


print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.floor(2.5), math.ceil(-2.5))
