def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))


def append_to(x, acc=[]):
    acc.append(x)
    return acc


print(append_to(1))
print(append_to(2))
print(greet.__defaults__)

base = 5


def uses_default(v=base):
    return v


base = 6
print(uses_default())
