# yieldscope-only: CPython cannot copy a suspended generator.
"""Deep-copies a suspended card-game generator 200,000 times and drops each copy."""
import copy
import random


def game(seed):
    rng = random.Random(seed)
    deck = [f"{r}{s}" for r in "A23456789TJQK" for s in "CDHS"]
    rng.shuffle(deck)
    hands = [deck[i::3] for i in range(3)]
    table = {"turn": 0, "pile": [], "scores": [0, 0, 0]}
    while True:
        player = table["turn"] % 3
        choice = yield tuple(hands[player])
        hands[player].remove(choice)
        table["pile"].append(choice)
        table["turn"] += 1


g = game(7)
legal = next(g)
total = 0
for i in range(200_000):
    fork = copy.deepcopy(g)
    total += len(fork.send(legal[0]))
print(total)
