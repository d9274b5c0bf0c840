class DelOnly:
    def __delete__(self, obj):
        print("deleted")


class C:
    x = DelOnly()


c = C()
del c.x
try:
    c.x = 3
except AttributeError as e:
    print("AttributeError:", e)
