def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    from collections import deque
    queues = [deque() for _ in range(n)]

    def follower(queue):
        while True:
            if not queue:
                try:
                    value = next(source)
                except StopIteration:
                    return
                for q in queues:
                    q.append(value)
            yield queue.popleft()

    return tuple(follower(q) for q in queues)
