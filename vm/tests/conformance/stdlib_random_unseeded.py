# Unseeded generators draw their seed from the system's entropy: the numbers
# differ between runs (not printed); seeded ones are CPython's streams.
import random
x = random.random()
print(0.0 <= x < 1.0)
a, b = random.Random(), random.Random()
print(a.random() != b.random())
random.seed()
print(0 <= random.randrange(10) < 10)
random.seed(42)
print(random.random(), random.Random(42).random())
