"""Creates 100,000 parent/child reference cycles that only the cycle collector frees."""


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


count = 0
for i in range(100_000):
    root = Node()
    Node(root)
    Node(root)
    count += len(root.children)
print(count)
