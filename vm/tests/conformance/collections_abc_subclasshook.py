from collections.abc import Iterable, Sized, Container


class Bag:
    def __iter__(self):
        return iter([])

    def __len__(self):
        return 0


print(isinstance(Bag(), Iterable), isinstance(Bag(), Sized), isinstance(Bag(), Container))


class NoIter:
    __iter__ = None


print(isinstance(NoIter(), Iterable))
