class Num:
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value


class BinOp:
    __match_args__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right


def evaluate(node):
    match node:
        case Num(v):
            return v
        case BinOp("+", l, r):
            return evaluate(l) + evaluate(r)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return 0
        case BinOp("*", l, r):
            return evaluate(l) * evaluate(r)
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op!r}")


tree = BinOp("+", Num(2), BinOp("*", Num(3), Num(4)))
print(evaluate(tree))
print(evaluate(BinOp("*", Num(0), BinOp("?", Num(1), Num(1)))))
try:
    evaluate(BinOp("-", Num(1), Num(2)))
except ValueError as e:
    print(e)
