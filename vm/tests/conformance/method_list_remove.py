# list.remove and `in` find a bound method by equality.
class A:
    def f(self):
        pass


a = A()
handlers = [a.f]
print(a.f in handlers)
handlers.remove(a.f)
print(handlers)
d = {a.f: "registered"}
print(d[a.f])
