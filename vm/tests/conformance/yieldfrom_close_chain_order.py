# Closing a chain of delegators closes the innermost first, then each outer one.
def level(n):
    try:
        if n == 0:
            yield "leaf"
        else:
            yield from level(n - 1)
    finally:
        print("closing level", n)


g = level(3)
print(next(g))
g.close()
print("done")
