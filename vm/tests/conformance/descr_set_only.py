class SetOnly:
    def __set__(self, obj, value):
        print("stored", value)


class C:
    s = SetOnly()


c = C()
c.s = 1
print(type(c.s).__name__)
try:
    del c.s
except AttributeError as e:
    print("AttributeError:", e)
