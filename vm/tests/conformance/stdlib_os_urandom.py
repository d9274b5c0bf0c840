import os

b = os.urandom(16)
print(type(b).__name__, len(b))
print(len(os.urandom(0)))
