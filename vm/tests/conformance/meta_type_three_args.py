def hello(self):
    return "hello from " + type(self).__name__


Base = type("Base", (), {"greet": hello, "n": 1})
Child = type("Child", (Base,), {"n": 2})
c = Child()
print(c.greet(), Child.n, Base.n, Child.__name__, [k.__name__ for k in Child.__mro__])
print(type(Child) is type, Child.__bases__ == (Base,))
for bad in [(1, (), {}), ("a", 1, {}), ("a", (), 3)]:
    try:
        type(*bad)
    except TypeError as e:
        print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
