class A:
    def f(self):
        return "A.f"


class B(A):
    def f(self):
        return "B.f"


b = B()
s = super(B, b)
print(s.f())
try:
    super(B, b).nothing
except AttributeError as e:
    print(e)
try:
    super(B, 3)
except TypeError as e:
    print(e)
