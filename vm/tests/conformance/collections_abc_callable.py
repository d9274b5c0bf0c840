from collections.abc import Callable


class WithCall:
    def __call__(self):
        return 1


print(isinstance(len, Callable), isinstance(lambda: 0, Callable))
print(isinstance(WithCall(), Callable), isinstance(int, Callable))
print(isinstance(3, Callable), isinstance([].append, Callable))
