import reprlib

print(reprlib.repr(list(range(100))))
print(reprlib.repr("x" * 50))
r = reprlib.Repr()
r.maxlist = 3
print(r.repr([1, 2, 3, 4, 5]))
