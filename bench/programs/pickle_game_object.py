"""The state of pickle_game_generator.py's suspended game held in a plain
object, pickled and loaded back 5,000 times (the CPython yardstick)."""
import pickle
import random
import sys

PLAYERS = 4


class Game:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        deck = [r + s for s in "CDHS" for r in ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")]
        self.rng.shuffle(deck)
        self.hands = [sorted(deck[i * 5:(i + 1) * 5]) for i in range(PLAYERS)]
        del deck[:5 * PLAYERS]
        self.deck = deck
        self.discard = [deck.pop()]
        self.table = {"turn": 0, "player": 0, "passes": 0, "scores": [0] * PLAYERS}
        self.hand = self.hands[0]

    def send(self, choice):
        self.hand.remove(choice)
        self.hand.append(self.deck.pop())
        self.discard.append(choice)
        self.table["turn"] += 1
        self.table["player"] = (self.table["player"] + 1) % PLAYERS
        self.hand = self.hands[self.table["player"]]
        return tuple(self.hand)


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
g = Game(7)
legal = tuple(g.hand)
total = 0
size = len(pickle.dumps(g))
for i in range(rounds):
    twin = pickle.loads(pickle.dumps(g))
    total += len(twin.send(legal[0]))
print(rounds, total, size)
