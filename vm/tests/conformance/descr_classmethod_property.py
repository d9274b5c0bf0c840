class K:
    @classmethod
    @property
    def label(cls):
        return "label of " + cls.__name__


class L(K):
    pass


print(K.label)
print(L.label)
print(K().label)
