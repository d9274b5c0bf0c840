import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(Color.RED, Color(2), Color["GREEN"], list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), repr(Color.GREEN))
print(isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED != Color.GREEN)


class N(enum.IntEnum):
    A = 1
    B = 2


print(N.A + 1, N.B == 2, repr(N.A), N(2), isinstance(N.A, int), sorted([N.B, N.A]))


class F(enum.Flag):
    R = 1
    W = 2


print(F.R | F.W, F.R in (F.R | F.W), bool(F.R & F.W))
