import gc

closed = 0


def counted(n):
    global closed
    try:
        yield n
    finally:
        closed += 1


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


total = 0
for i in range(30000):
    root = Node()
    Node(root)
    box = [counted(i)]
    box.append(box)
    total += next(box[0])
    del box
gc.collect()
print(total, closed)
