"""Maze generation and solving as step-by-step generators.

``carve(width, height, rng)`` builds a perfect maze with a randomized
depth-first search and yields after knocking down each wall, so the
construction can be watched one step at a time.  ``bfs`` and ``dfs``
are solvers that yield every cell they visit; the driver consumes them
to completion, compares how much of the maze each explored, and draws
the maze with the shortest path.
"""
from collections import deque
import random

DIRECTIONS = {"N": (0, -1), "S": (0, 1), "W": (-1, 0), "E": (1, 0)}


class Maze:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.open = {(x, y): set() for x in range(width) for y in range(height)}

    def neighbours(self, cell):
        x, y = cell
        for name in "NSWE":
            dx, dy = DIRECTIONS[name]
            nxt = (x + dx, y + dy)
            if nxt in self.open:
                yield name, nxt

    def connect(self, a, b):
        self.open[a].add(b)
        self.open[b].add(a)

    def exits(self, cell):
        return sorted(self.open[cell])

    def render(self, path=()):
        on_path = set(path)
        lines = ["+" + "---+" * self.width]
        for y in range(self.height):
            row, floor = "|", "+"
            for x in range(self.width):
                mark = " * " if (x, y) in on_path else "   "
                row += mark + (" " if (x + 1, y) in self.open[(x, y)] else "|")
                floor += ("   " if (x, y + 1) in self.open[(x, y)] else "---") + "+"
            lines.append(row)
            lines.append(floor)
        return lines


def carve(width, height, rng):
    maze = Maze(width, height)
    start = (0, 0)
    stack = [start]
    seen = {start}
    while stack:
        cell = stack[-1]
        options = [nxt for _, nxt in maze.neighbours(cell) if nxt not in seen]
        if not options:
            stack.pop()
            continue
        nxt = rng.choice(options)
        maze.connect(cell, nxt)
        seen.add(nxt)
        stack.append(nxt)
        yield maze, cell, nxt
    return maze


def bfs(maze, start, goal):
    parent = {start: None}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        yield cell
        if cell == goal:
            break
        for nxt in maze.exits(cell):
            if nxt not in parent:
                parent[nxt] = cell
                queue.append(nxt)
    path = []
    cell = goal
    while cell is not None:
        path.append(cell)
        cell = parent[cell]
    return path[::-1]


def dfs(maze, cell, goal, visited=None):
    """Recursive search; returns the path from `cell` to `goal` or None."""
    if visited is None:
        visited = set()
    visited.add(cell)
    yield cell
    if cell == goal:
        return [cell]
    for nxt in maze.exits(cell):
        if nxt not in visited:
            rest = yield from dfs(maze, nxt, goal, visited)
            if rest is not None:
                return [cell] + rest
    return None


def run(solver):
    """Drain a solver generator; return (visit order, returned path)."""
    visits = []
    while True:
        try:
            visits.append(next(solver))
        except StopIteration as stop:
            return visits, stop.value


def main():
    rng = random.Random(17)
    builder = carve(10, 6, rng)
    steps = []
    while True:
        try:
            maze, a, b = next(builder)
            steps.append(f"{a}->{b}")
            if len(steps) == 12:
                print("after 12 carving steps:")
                for line in maze.render()[:7]:
                    print(line)
        except StopIteration as stop:
            maze = stop.value
            break
    print(f"carved {len(steps)} passages; first five: {', '.join(steps[:5])}")
    dead_ends = sorted(c for c in maze.open if len(maze.open[c]) == 1)
    print(f"dead ends: {len(dead_ends)}, e.g. {dead_ends[:4]}")

    start, goal = (0, maze.height - 1), (maze.width - 1, 0)
    for name, solver in (("bfs", bfs(maze, start, goal)), ("dfs", dfs(maze, start, goal))):
        visits, path = run(solver)
        print(f"{name}: visited {len(visits):2d} cells, path length {len(path)}")
    visits, path = run(bfs(maze, start, goal))
    for line in maze.render(path):
        print(line)
    turns = sum(1 for p, q, r in zip(path, path[1:], path[2:])
                if (q[0] - p[0], q[1] - p[1]) != (r[0] - q[0], r[1] - q[1]))
    print(f"shortest path has {turns} turns")


if __name__ == "__main__":
    main()
