class Number:
    def __complex__(self):
        return 3 + 4j


class Bad:
    def __complex__(self):
        return 5


class Floaty:
    def __float__(self):
        return 2.5


class Indexy:
    def __index__(self):
        return 7


print(complex(Number()), complex(Floaty()), complex(Indexy()), complex(Floaty(), Indexy()))
try:
    complex(Bad())
except TypeError as e:
    print(e)
