# A bound method forwards unknown attributes to its function.
class A:
    def f(self, x=1):
        "fdoc"
        return x


a = A()
m = a.f
print(m.__name__, m.__qualname__, m.__doc__, m.__func__ is A.f, m.__self__ is a)
print(m.__defaults__, m.__code__.co_name, m.__module__)
A.f.tag = 5
print(m.tag)
try:
    m.x = 1
except AttributeError as e:
    print(e)
try:
    m.missing
except AttributeError as e:
    print(e)
