import gc

calls = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        calls.append(self.name)


for i in range(3):
    a = Node("a%d" % i)
    b = Node("b%d" % i)
    a.other = b
    b.other = a
del a, b
gc.collect()
gc.collect()
print(sorted(calls))
