"""Benchmark: heavy send() traffic between coroutines.

Two ping-pong players bounce a counter back and forth through a chain of
relay coroutines, each relay forwarding with send() and returning the
reply.  A second phase drives an accumulator coroutine that answers
every send() with a running hash.  Almost all time is spent entering and
leaving coroutine frames via send().
"""

ROUNDS = 540_000
RELAYS = 4
ACCUMULATE = 2_100_000


def player(step):
    """Receive a ball value, hit it back changed."""
    ball = yield None
    while True:
        ball = yield (ball * 3 + step) % 1_000_007


def relay(target):
    """Forward every value to `target` and pass the reply back."""
    reply = None
    while True:
        value = yield reply
        reply = target.send(value) + 1


def accumulator():
    state = 0
    count = 0
    while True:
        value = yield state
        count += 1
        state = (state * 1_000_003 + value + count) & 0xFFFFFFFFFFFF


def build_chain(end, length):
    head = end
    for _ in range(length):
        head = relay(head)
        next(head)
    return head


def main():
    left = player(1)
    right = player(2)
    next(left)
    next(right)
    left_side = build_chain(left, RELAYS)
    right_side = build_chain(right, RELAYS)
    ball = 1
    volley = 0
    for _ in range(ROUNDS):
        ball = left_side.send(ball)
        ball = right_side.send(ball)
        volley ^= ball
    print(f"ping-pong: {ROUNDS} rounds, ball={ball}, volley xor={volley}")

    acc = accumulator()
    next(acc)
    state = 0
    for i in range(ACCUMULATE):
        state = acc.send(i ^ (state & 0xFF))
    acc.close()
    print(f"accumulator: {ACCUMULATE} sends, state={state:012x}")
    total_sends = ROUNDS * 2 * (RELAYS + 1) + ACCUMULATE
    print(f"total send() calls: {total_sends}")


if __name__ == "__main__":
    main()
