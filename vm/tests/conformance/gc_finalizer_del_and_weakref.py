import gc
import weakref


class A:
    def __del__(self):
        print("__del__ of A")


a = A()
a.self = a
r = weakref.ref(a, lambda ref: print("callback, referent gone:", ref() is None))
del a
gc.collect()
print("alive after collect:", r() is not None)
