# cpython-twin: helper_async_gen_deepcopy_twin.py
import copy


async def ag(n):
    for i in range(n):
        yield i


def step(g):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'end'


g = ag(3)
print(step(g))
h = copy.deepcopy(g)
print(step(g), step(h), step(h), step(h), step(g))
print(type(copy.copy(g)).__name__)
