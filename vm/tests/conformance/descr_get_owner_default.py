class C:
    def method(self):
        return "method of " + type(self).__name__


c = C()
bound = C.__dict__["method"].__get__(c)
print(bound())
p = property(lambda self: "prop")
print(p.__get__(c), p.__get__(c, C))
try:
    C.__dict__["method"].__get__(None, None)
except TypeError as e:
    print(e)
