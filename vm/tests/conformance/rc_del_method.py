class Tracked:
    def __init__(self, name):
        self.name = name
        print("init", self.name)

    def __del__(self):
        print("del", self.name)


a = Tracked("a")
b = a
a = None
print("a rebound")
b = None
print("b rebound")


def scope():
    t = Tracked("local")
    print("leaving scope")


scope()
print("after scope")
items = [Tracked("x"), Tracked("y")]
items = None
print("list dropped")
Tracked("temporary")
print("end")
