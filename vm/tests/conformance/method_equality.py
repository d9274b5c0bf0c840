# Bound methods compare equal by (receiver identity, function).
class A:
    def f(self):
        return 1

    def g(self):
        return 2


a, b = A(), A()
print(a.f == a.f, a.f != a.f, a.f is a.f)
print(a.f == b.f, a.f == a.g)
print(hash(a.f) == hash(a.f))
