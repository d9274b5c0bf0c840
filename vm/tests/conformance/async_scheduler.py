from collections import deque


class Yield:
    def __await__(self):
        yield


async def task(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return name * n


def run_all(coros):
    ready = deque(coros)
    results = {}
    while ready:
        c = ready.popleft()
        try:
            c.send(None)
        except StopIteration as e:
            results[c.__name__ + str(len(results))] = e.value
        else:
            ready.append(c)
    return results


log = []
print(run_all([task("a", 2, log), task("b", 3, log), task("c", 1, log)]))
print(log)
