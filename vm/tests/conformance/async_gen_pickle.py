# cpython-twin: helper_async_gen_pickle_twin.py
import pickle


async def ag(n):
    for i in range(n):
        yield i * 3


def step(g):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'end'


g = ag(3)
print(step(g))
r = pickle.loads(pickle.dumps(g))
print(step(r), step(r), step(r), step(g))
