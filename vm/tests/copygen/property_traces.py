"""At every suspension of script generators, a copy driven with the same
sends produces the same trace as the original, and driving the copy never
changes what the original does next. Copies by copy.deepcopy, g.copy() and
a pickle round trip."""
import copy
import pickle
import random

from card_game import card_game
from running_stats import outliers, samples
from state_machine import frame_decoder, vending_machine, encode

COPIERS = (
    ("deepcopy", copy.deepcopy),
    ("g.copy", lambda g: g.copy()),
    ("pickle", lambda g: pickle.loads(pickle.dumps(g))),
)


def step(g, value):
    try:
        return repr(g.send(value))
    except StopIteration as stop:
        return "return " + repr(stop.value)
    except Exception as exc:
        return "raise " + repr(exc)


def drive(g, sends):
    out = []
    for s in sends:
        out.append(step(g, s))
        if out[-1].startswith(("return", "raise")):
            break
    return out


def check(name, make, sends):
    ref = drive(make(), sends)
    g = make()
    checked = 0
    for i, s in enumerate(sends):
        for label, copier in COPIERS:
            tail = drive(copier(g), sends[i:])
            if tail != ref[i:i + len(tail)] or len(tail) != len(ref) - i:
                print(name, "diverged at", i, "copied by", label)
                return
            checked += 1
        got = step(g, s)
        if got != ref[i]:
            print(name, "original changed at", i)
            return
        if got.startswith(("return", "raise")):
            break
    print(f"{name}: {len(ref)} steps, {checked} copies agree")


def card_sends(seed, players):
    rng = random.Random(seed * 31)
    g = card_game(seed, players)
    sends = [None]
    legal = g.send(None)
    while True:
        choice = rng.choice(legal)
        sends.append(choice)
        try:
            legal = g.send(choice)
        except StopIteration:
            return sends


check("card_game(4, 3)", lambda: card_game(4, 3), card_sends(4, 3))
check("card_game(9, 2)", lambda: card_game(9, 2), card_sends(9, 2))
vend = [None, ("coin", 25), ("select", "A1"), ("coin", 100), ("select", "A1"), ("coin", 3),
        ("cancel",), ("coin", 50), ("select", "B1"), ("select", "Z9"), ("coin", 100), ("select", "A2")]
check("vending_machine", lambda: vending_machine({"A1": 1, "A2": 2, "B1": 1}), vend)
check("frame_decoder", frame_decoder, [None] + encode("hi") + [7] + encode("yo!"))
values = [None] + list(samples(random.Random(5), 30)) + [100.0, 1.0, 2.0]
check("outliers", lambda: outliers(3.0), values)
