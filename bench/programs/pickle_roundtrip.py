# yieldscope-only: CPython cannot pickle a suspended generator.
"""Pickles a suspended card-game generator and loads it back 5,000 times."""
import pickle
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
size = 0
for i in range(5_000):
    blob = pickle.dumps(g)
    size = len(blob)
    twin = pickle.loads(blob)
    total += len(twin.send(legal[0]))
print(total, size)
