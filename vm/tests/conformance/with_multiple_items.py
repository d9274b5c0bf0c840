class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter

    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError(f"enter failed: {self.name}")
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False


with CM("a") as a, CM("b") as b:
    print("body", a, b)
try:
    with CM("x"), CM("y"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
try:
    with CM("p"), CM("q", fail_enter=True):
        print("not reached")
except RuntimeError as e:
    print("caught", e)
with (CM("m") as m,
      CM("n") as n):
    print("parenthesized", m, n)
