"""Benchmark: many Crazy Eights games played by random policies.

The game is a generator that yields the tuple of legal choices at every
decision and receives the chosen move through send(); a nested helper
generator is entered with ``yield from`` for each decision.  This is the
same game as scripts/card_game.py, copied here so the benchmark is
self-contained.  Thousands of games are simulated and summarised.
"""
import random

SUITS = ("C", "D", "H", "S")
RANKS = ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")
MAX_TURNS = 300
GAMES = 5600


def rank_of(card):
    return card[:-1]


def suit_of(card):
    return card[-1]


def penalty(card):
    r = rank_of(card)
    if r == "8":
        return 50
    if r in ("J", "Q", "K"):
        return 10
    if r == "A":
        return 1
    return int(r)


def sort_key(card):
    return (SUITS.index(suit_of(card)), RANKS.index(rank_of(card)))


def is_playable(card, top, suit):
    return rank_of(card) == "8" or suit_of(card) == suit or rank_of(card) == rank_of(top)


def ask(legal):
    choice = yield tuple(legal)
    if choice not in legal:
        raise ValueError(f"illegal choice {choice!r}")
    return choice


def card_game(seed, num_players):
    rng = random.Random(seed)
    stock = [r + s for s in SUITS for r in RANKS]
    rng.shuffle(stock)
    hand_size = 7 if num_players == 2 else 5
    hands = [sorted(stock[i * hand_size:(i + 1) * hand_size], key=sort_key)
             for i in range(num_players)]
    del stock[:hand_size * num_players]
    discard = [stock.pop()]
    while rank_of(discard[-1]) == "8":
        stock.insert(0, discard.pop())
        discard.append(stock.pop())
    suit = suit_of(discard[-1])
    player = 0
    passes = 0
    turn = 0
    plays = 0
    while turn < MAX_TURNS:
        turn += 1
        hand = hands[player]
        top = discard[-1]
        legal = [c for c in hand if is_playable(c, top, suit)]
        played = None
        if legal:
            played = yield from ask(legal)
        else:
            if not stock and len(discard) > 1:
                stock = discard[:-1]
                del discard[:-1]
                rng.shuffle(stock)
            if stock:
                drawn = stock.pop()
                hand.append(drawn)
                hand.sort(key=sort_key)
                if is_playable(drawn, top, suit):
                    answer = yield from ask([drawn, "pass"])
                    if answer != "pass":
                        played = drawn
        if played is None:
            passes = passes + 1 if not stock else 0
            if passes >= num_players:
                break
        else:
            plays += 1
            passes = 0
            hand.remove(played)
            discard.append(played)
            suit = suit_of(played)
            if rank_of(played) == "8":
                suit = yield from ask(list(SUITS))
            if not hand:
                break
        player = (player + 1) % num_players
    points = [sum(penalty(c) for c in h) for h in hands]
    return {"winner": points.index(min(points)), "turns": turn, "plays": plays,
            "points": points}


def play(seed, num_players, rng):
    game = card_game(seed, num_players)
    decisions = 0
    legal = game.send(None)
    while True:
        decisions += 1
        try:
            legal = game.send(rng.choice(legal))
        except StopIteration as stop:
            return stop.value, decisions


def main():
    rng = random.Random(12345)
    wins = {2: [0, 0], 3: [0, 0, 0]}
    turns = 0
    plays = 0
    decisions = 0
    longest = 0
    blocked = 0
    checksum = 0
    for g in range(GAMES):
        players = 2 if g % 3 == 0 else 3
        result, n = play(g, players, rng)
        wins[players][result["winner"]] += 1
        turns += result["turns"]
        plays += result["plays"]
        decisions += n
        longest = max(longest, result["turns"])
        if min(result["points"]) > 0:
            blocked += 1
        checksum = (checksum * 131 + result["turns"] * 7 + result["winner"]) % 1_000_000_007
    print(f"games: {GAMES}, turns: {turns}, plays: {plays}, decisions: {decisions}")
    print(f"wins 2p: {wins[2]}, wins 3p: {wins[3]}, longest: {longest}, blocked: {blocked}")
    print(f"checksum: {checksum}")


if __name__ == "__main__":
    main()
