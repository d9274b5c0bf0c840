import os

print(os.path.join("a", "b", "c.txt"))
print(os.path.join("/abs", "x"), os.path.join("a", "/abs"))
print(os.path.join("a/", "b"), os.path.join("", "b"))
