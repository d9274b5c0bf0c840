def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("caught RecursionError:", str(e).startswith("maximum recursion depth exceeded"))


def down_gen(n):
    yield from down_gen(n + 1)


try:
    next(down_gen(0))
except RecursionError:
    print("caught RecursionError in generator chain")
print("still running")
