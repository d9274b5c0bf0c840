"""CPython side of the deepcopy comparison: the state of bench/programs/deepcopy_churn.py
held in a plain object, deep-copied with copy.deepcopy. Run: python3 bench/cpython_deepcopy_state.py"""
import copy, random, time
class State:
    def __init__(self, seed):
        rng = random.Random(seed)
        deck = [f"{r}{s}" for r in "A23456789TJQK" for s in "CDHS"]
        rng.shuffle(deck)
        self.rng = rng
        self.deck = deck
        self.hands = [deck[i::3] for i in range(3)]
        self.table = {"turn": 0, "pile": [], "scores": [0, 0, 0]}
s = State(7)
t = time.perf_counter()
for i in range(20_000):
    f = copy.deepcopy(s)
print((time.perf_counter() - t) / 20_000 * 1e6, "us per deepcopy")
