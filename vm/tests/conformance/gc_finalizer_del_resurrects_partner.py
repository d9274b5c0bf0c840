import gc

survivor = None


class Part:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        global survivor
        if self.name == "left":
            survivor = self.peer
            print("left.__del__ saves", self.peer.name)


left, right = Part("left"), Part("right")
left.peer, right.peer = right, left
del left, right
gc.collect()
print("survivor:", survivor.name, "its peer:", survivor.peer.name)
survivor = None
gc.collect()
print("done")
