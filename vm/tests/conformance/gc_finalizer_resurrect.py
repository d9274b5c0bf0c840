import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("__del__", self.name)
        saved.append(self)


p = Phoenix("a")
del p
gc.collect()
print("saved", [x.name for x in saved])
# Finalizers run once: dropping it again frees it without a second __del__.
saved.clear()
gc.collect()
print("second collect done")
