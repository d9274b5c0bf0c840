# Generators take __name__ and __qualname__ from their function.
class K:
    def m(self):
        def inner():
            yield

        return inner()


def top():
    yield


g = K().m()
print(g.__name__, g.__qualname__)
t = top()
print(t.__name__, t.__qualname__)
t.__name__ = "renamed"
print(t.__name__, top.__name__)
