class Strict:
    def __getattribute__(self, name):
        raise KeyError(name)

    def __getattr__(self, name):
        return "never"


try:
    Strict().anything
except KeyError as e:
    print("KeyError", e)


class Counting:
    count = 0

    def __getattribute__(self, name):
        type(self).count += 1
        return super().__getattribute__(name)


c = Counting()
c.x = 1
for _ in range(3):
    c.x
print(Counting.count)
