def counter(name, n):
    for i in range(n):
        yield f"{name}{i}"


a = counter("a", 3)
b = counter("b", 2)
print(next(a), next(b), next(a), next(b), next(a))
print(next(b, "b-done"), next(a, "a-done"))
