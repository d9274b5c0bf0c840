# Deleting through globals() unbinds the global, and `del` is seen by the dict.
a = 1
b = 2
del globals()["a"]
try:
    print(a)
except NameError as e:
    print("NameError:", e)
print("a" in globals(), "b" in globals())
del b
print("b" in globals())
print(globals().pop("zzz", "missing"))
c = 3
print(globals().pop("c"))
try:
    c
except NameError as e:
    print("NameError:", e)
