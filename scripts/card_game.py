"""Crazy Eights as a generator coroutine.

The whole game lives in one generator, ``card_game(seed, num_players)``.
It never asks anybody for input directly: at every decision point it
yields a tuple of the legal choices and waits for the chosen one to be
sent back.  This makes the game easy to drive from any policy (random,
scripted, interactive) and easy to step through in a debugger.

Protocol
--------
    game = card_game(seed=7, num_players=3)
    legal = game.send(None)          # first decision: tuple of legal moves
    while True:
        choice = pick(legal)         # any element of ``legal``
        try:
            legal = game.send(choice)
        except StopIteration as stop:
            result = stop.value      # the generator's return value
            break

Choices are strings.  A card is rank + suit, e.g. "10H" or "QS".  After
drawing a playable card the choices are (card, "pass").  After playing
an eight the choices are the four suits ("C", "D", "H", "S").  Sending
anything not in the yielded tuple raises ValueError inside the game.

Passing a dict as ``table`` lets a driver see the public state: before
every yield the game stores "player" (whose decision it is), "top" (top
card of the discard pile), "suit" (the suit to follow), "hand" (a copy
of the deciding player's hand) and "hand_sizes" in it.

The return value is a dict with the keys "winner" (player index),
"turns", "points" (penalty points left in each hand) and "history", a
list of (player, action) pairs whose first entry is (-1, "start <card>").

Rules: 5 cards each (7 with two players).  Play a card that matches the
suit or rank of the top card; eights are wild and name a new suit.  With
nothing to play, draw one card and either play it or pass.  The first
player to empty their hand wins; if the game blocks, the lowest penalty
count wins.
"""
import random

SUITS = ("C", "D", "H", "S")
RANKS = ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")
MAX_TURNS = 300


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


def new_deck(rng):
    deck = [r + s for s in SUITS for r in RANKS]
    rng.shuffle(deck)
    return deck


def is_playable(card, top, suit):
    return rank_of(card) == "8" or suit_of(card) == suit or rank_of(card) == rank_of(top)


def card_game(seed, num_players=3, table=None):
    rng = random.Random(seed)
    stock = new_deck(rng)
    hand_size = 7 if num_players == 2 else 5
    hands = [sorted(stock[i * hand_size:(i + 1) * hand_size], key=sort_key)
             for i in range(num_players)]
    del stock[:hand_size * num_players]
    discard = [stock.pop()]
    while rank_of(discard[-1]) == "8":      # an eight may not start the game
        stock.insert(0, discard.pop())
        discard.append(stock.pop())
    suit = suit_of(discard[-1])
    history = [(-1, "start " + discard[-1])]
    player = 0
    passes = 0
    turn = 0

    def ask(legal):
        """Publish the table view, yield the legal choices, return the answer."""
        if table is not None:
            table.update(player=player, top=discard[-1], suit=suit,
                         hand=list(hands[player]), hand_sizes=[len(h) for h in hands])
        choice = yield tuple(legal)
        if choice not in legal:
            raise ValueError(f"illegal choice {choice!r}, expected one of {legal}")
        return choice

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
                history.append((player, "reshuffle"))
            if stock:
                drawn = stock.pop()
                hand.append(drawn)
                hand.sort(key=sort_key)
                if is_playable(drawn, top, suit):
                    answer = yield from ask([drawn, "pass"])
                    if answer != "pass":
                        played = drawn
                    else:
                        history.append((player, "draw+pass"))
                else:
                    history.append((player, "draw"))
            else:
                history.append((player, "pass"))

        if played is None:
            passes = passes + 1 if not stock else 0
            if passes >= num_players:
                break
        else:
            passes = 0
            hand.remove(played)
            discard.append(played)
            suit = suit_of(played)
            if rank_of(played) == "8":
                suit = yield from ask(list(SUITS))
                history.append((player, f"{played}->{suit}"))
            else:
                history.append((player, played))
            if not hand:
                break
        player = (player + 1) % num_players

    points = [sum(penalty(c) for c in h) for h in hands]
    best = min(points)
    return {
        "winner": points.index(best),
        "turns": turn,
        "points": points,
        "history": history,
    }


def play(seed, num_players, policy_rng):
    """Run one game with a uniformly random policy; return (result, decisions)."""
    game = card_game(seed, num_players)
    decisions = 0
    legal = game.send(None)
    while True:
        decisions += 1
        choice = policy_rng.choice(legal)
        try:
            legal = game.send(choice)
        except StopIteration as stop:
            return stop.value, decisions


def show(result, num_players, per_line):
    names = [f"P{i}" for i in range(num_players)]
    moves = [f"{names[p]} {a}" for p, a in result["history"] if p >= 0]
    print(f"  {result['history'][0][1]}")
    for i in range(0, len(moves), per_line):
        print("  " + " | ".join(f"{m:<12}" for m in moves[i:i + per_line]).rstrip())
    pts = ", ".join(f"{n}={p}" for n, p in zip(names, result["points"]))
    print(f"  winner: {names[result['winner']]} after {result['turns']} turns ({pts})")


if __name__ == "__main__":
    policy_rng = random.Random(2024)
    wins = {}
    for seed, players in ((7, 3), (11, 2), (19, 3), (23, 2), (42, 3)):
        print(f"game seed={seed} players={players}")
        result, decisions = play(seed, players, policy_rng)
        show(result, players, 5)
        print(f"  decisions answered: {decisions}")
        wins[result["winner"]] = wins.get(result["winner"], 0) + 1
    summary = ", ".join(f"P{p}: {w}" for p, w in sorted(wins.items()))
    print(f"wins by seat: {summary}")
