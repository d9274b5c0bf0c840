class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return self.k % 7

    def __str__(self):
        return f"<Key {self.k}>"


d = {Key(1): "one", Key(8): "eight"}
print(d[Key(1)], d[Key(8)], len(d))
print(Key(3), str(Key(4)), f"{Key(5)}")


class NoHash:
    def __eq__(self, other):
        return True


try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
