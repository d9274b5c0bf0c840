import math


class MyInt(int):
    pass


print(math.gcd(MyInt(12), MyInt(18)), math.lcm(MyInt(4), 6), math.gcd(MyInt(0)))
