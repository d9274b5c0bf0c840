class D:
    def __get__(self, obj, cls):
        return "got"

    def __set__(self, obj, v):
        print("instance-level set", v)


class C:
    d = D()


c = C()
c.d = 1
C.d = "replaced on the class"
print(C.d, c.d)
