# cpython-twin: helper_mcts_twin.py
"""Monte Carlo Tree Search over the card game, forking the game generator.

Player 0 searches; the others play uniformly at random.  At every decision
the search forks the suspended game generator with ``copy.deepcopy`` --
each tree node owns its own copy of the whole game (hands, stock, random
generator, the ``yield from ask(...)`` delegate in the middle of it) --
and plays random rollouts from copies of copies.  CPython cannot copy a
suspended generator; ``helper_mcts_twin.py`` runs the same search by
replaying the moves from the start instead, and its CPython output is
this script's expected output.
"""
import copy
import math
import random

from card_game import card_game

ITERATIONS = 12
EXPLORE = 1.4


class State:
    """A game paused at a decision: the generator and its public table."""

    def __init__(self, game, table, legal, result=None):
        self.game = game
        self.table = table
        self.legal = legal
        self.result = result

    def player(self):
        return self.table["player"]

    def fork(self):
        # One deepcopy of both: the copy's generator sees the copy's table.
        game, table = copy.deepcopy((self.game, self.table))
        return State(game, table, self.legal)

    def play(self, move):
        try:
            self.legal = self.game.send(move)
        except StopIteration as stop:
            self.legal = ()
            self.result = stop.value


def start(seed, players):
    table = {}
    game = card_game(seed, players, table)
    return State(game, table, game.send(None))


class Node:
    def __init__(self, state, move=None, parent=None):
        self.state = state
        self.move = move
        self.parent = parent
        self.children = []
        self.untried = list(state.legal)
        self.visits = 0
        self.wins = 0.0
        self.mover = parent.state.player() if parent is not None else None


def rollout(state, rng):
    s = state.fork()
    while s.result is None:
        s.play(rng.choice(s.legal))
    return s.result["winner"]


def search(root_state, rng):
    root = Node(root_state)
    for _ in range(ITERATIONS):
        node = root
        while not node.untried and node.children:
            node = max(node.children, key=lambda c: c.wins / c.visits
                       + EXPLORE * math.sqrt(math.log(node.visits) / c.visits))
        if node.untried and node.state.result is None:
            move = node.untried.pop(0)
            child_state = node.state.fork()
            child_state.play(move)
            child = Node(child_state, move, node)
            node.children.append(child)
            node = child
        if node.state.result is not None:
            winner = node.state.result["winner"]
        else:
            winner = rollout(node.state, rng)
        while node is not None:
            node.visits += 1
            if node.mover == winner:
                node.wins += 1
            node = node.parent
    best = max(root.children, key=lambda c: (c.visits, c.wins))
    return best.move, best.visits, best.wins


def match(seed, players, rng):
    state = start(seed, players)
    searched = 0
    notes = []
    while state.result is None:
        if state.player() == 0 and len(state.legal) > 1:
            move, visits, wins = search(state, rng)
            searched += 1
            notes.append(f"{move}({int(wins)}/{visits})")
        else:
            move = rng.choice(state.legal)
        state.play(move)
    result = state.result
    print(f"seed={seed} players={players}: winner P{result['winner']} after {result['turns']} turns,"
          f" points {result['points']}")
    print(f"  P0 searched {searched} decisions: {' '.join(notes)}")
    return result["winner"]


if __name__ == "__main__":
    rng = random.Random(99)
    wins = 0
    games = ((5, 3), (8, 2), (13, 3))
    for seed, players in games:
        if match(seed, players, rng) == 0:
            wins += 1
    print(f"MCTS player won {wins} of {len(games)} games")
