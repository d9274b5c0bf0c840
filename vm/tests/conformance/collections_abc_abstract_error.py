from collections.abc import Sequence


class Half(Sequence):
    def __len__(self):
        return 0


try:
    Half()
except TypeError as e:
    print(e)
