import sys

print(sys.get_asyncgen_hooks())
seen = []
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(g.__name__))
h = sys.get_asyncgen_hooks()
print(h.finalizer, h.firstiter is not None)


async def ag():
    yield 1


g = ag()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
print(seen)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
