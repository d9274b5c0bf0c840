# yieldscope-only: CPython cannot pickle a suspended generator.
"""Pickles a suspended 4-player card-game generator and loads it back 5,000 times;
pickle_game_object.py pickles the same state held in a plain object (CPython can)."""
import pickle
import random
import sys

PLAYERS = 4


def game(seed):
    rng = random.Random(seed)
    deck = [r + s for s in "CDHS" for r in ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")]
    rng.shuffle(deck)
    hands = [sorted(deck[i * 5:(i + 1) * 5]) for i in range(PLAYERS)]
    del deck[:5 * PLAYERS]
    discard = [deck.pop()]
    table = {"turn": 0, "player": 0, "passes": 0, "scores": [0] * PLAYERS}
    while True:
        hand = hands[table["player"]]
        choice = yield tuple(hand)
        hand.remove(choice)
        hand.append(deck.pop())
        discard.append(choice)
        table["turn"] += 1
        table["player"] = (table["player"] + 1) % PLAYERS


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
g = game(7)
legal = next(g)
total = 0
size = len(pickle.dumps(g))
for i in range(rounds):
    twin = pickle.loads(pickle.dumps(g))
    total += len(twin.send(legal[0]))
print(rounds, total, size)
