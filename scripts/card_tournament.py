"""A Crazy Eights tournament between different playing policies.

The game itself comes from ``card_game.py``: it is a generator that
yields the legal choices at each decision and receives the chosen move
through ``send()``.  This driver passes a ``table`` dict so it can see
whose turn it is and that player's hand, and lets each seat be played
by a different policy:

  * random   - any legal move,
  * dumper   - get rid of the most expensive card first, keep eights,
  * hoarder  - play the cheapest card, play eights as early as possible.

Every pairing of seats is played with several deals, rotating the
policies around the table so no policy keeps the first-move advantage.
"""
from collections import Counter, defaultdict
import functools
import itertools
import random

from card_game import card_game, penalty, suit_of, SUITS


def best_suit(hand):
    counts = Counter(suit_of(c) for c in hand if not c.startswith("8"))
    return max(SUITS, key=lambda s: (counts[s], -SUITS.index(s)))


def random_policy(rng, legal, table):
    return rng.choice(legal)


def dumper_policy(rng, legal, table):
    if legal[0] in SUITS:
        return best_suit(table["hand"])
    cards = [c for c in legal if c != "pass"]
    non_eights = [c for c in cards if not c.startswith("8")]
    pool = non_eights or cards
    return max(pool, key=lambda c: (penalty(c), c))


def hoarder_policy(rng, legal, table):
    if legal[0] in SUITS:
        return best_suit(table["hand"])
    cards = [c for c in legal if c != "pass"]
    eights = [c for c in cards if c.startswith("8")]
    return eights[0] if eights else min(cards, key=lambda c: (penalty(c), c))


POLICIES = {"random": random_policy, "dumper": dumper_policy, "hoarder": hoarder_policy}


def run_game(seed, seats, rng):
    table = {}
    game = card_game(seed, len(seats), table=table)
    legal = game.send(None)
    decisions = Counter()
    while True:
        name = seats[table["player"]]
        decisions[name] += 1
        try:
            legal = game.send(POLICIES[name](rng, legal, table))
        except StopIteration as stop:
            return stop.value, decisions


def main():
    rng = random.Random(99)
    wins = Counter()
    points = defaultdict(list)
    turns = []
    total_decisions = Counter()
    seat_wins = Counter()
    deals = range(500, 508)
    for order in itertools.permutations(sorted(POLICIES)):
        row = []
        for seed in deals:
            result, decisions = run_game(seed, order, rng)
            winner = order[result["winner"]]
            wins[winner] += 1
            seat_wins[result["winner"]] += 1
            row.append(winner[0])
            turns.append(result["turns"])
            total_decisions.update(decisions)
            for seat, name in enumerate(order):
                points[name].append(result["points"][seat])
        print(f"{' / '.join(order):<26} winners: {' '.join(row)}")

    games = len(turns)
    print(f"{games} games, {min(turns)}-{max(turns)} turns, "
          f"mean {sum(turns) / games:.1f}")
    print("policy    wins  share  mean penalty  decisions")
    for name in sorted(POLICIES, key=lambda n: (-wins[n], n)):
        mean_pts = functools.reduce(lambda a, b: a + b, points[name]) / len(points[name])
        print(f"{name:<8} {wins[name]:5d}  {wins[name] / games:5.1%}  "
              f"{mean_pts:12.2f}  {total_decisions[name]:9d}")

    print(f"wins by seat: {[seat_wins[i] for i in range(3)]}")

    two_player = Counter()
    for seed in range(600, 620):
        for order in (("dumper", "random"), ("random", "dumper")):
            result, _ = run_game(seed, order, rng)
            two_player[order[result["winner"]]] += 1
    print(f"heads-up dumper vs random over 40 games: "
          f"{two_player['dumper']}-{two_player['random']}")

    order = ("hoarder", "dumper", "random")
    result, _ = run_game(503, order, rng)
    print(f"replay of deal 503 ({' / '.join(order)}), {result['history'][0][1]}:")
    moves = [f"{order[p]:>7} {a:<6}" for p, a in result["history"][1:]]
    for i in range(0, len(moves), 3):
        print(("  " + " | ".join(moves[i:i + 3])).rstrip())
    print(f"  winner: {order[result['winner']]}, penalties {result['points']}")

    game = card_game(1, 2)
    legal = game.send(None)
    try:
        game.send("JOKER")
    except ValueError as err:
        print(f"illegal move rejected: {err}")


if __name__ == "__main__":
    main()
