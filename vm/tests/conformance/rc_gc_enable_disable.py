import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


a = Node("a")
b = Node("b")
a.other = b
b.other = a
a = b = None
print("cycle dropped while gc disabled")
print(gc.collect() >= 2)
print("collected")
gc.enable()
print(gc.isenabled())
