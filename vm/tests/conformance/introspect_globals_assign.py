# Assigning through globals() creates and rebinds module globals.
globals()["x"] = 1
print(x)
globals()["x"] += 41
print(x)


def bump():
    globals()["counter"] = globals().get("counter", 0) + 1


for _ in range(3):
    bump()
print(counter)
x = "rebound"
print(globals()["x"])
