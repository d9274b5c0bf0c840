"""Backtracking search written as recursive generators.

Each solver yields complete solutions one at a time; the recursion is
expressed with ``yield from`` so that every level of the search tree is a
live generator frame.  The caller decides how many solutions it wants and
simply stops iterating when it has enough, which abandons the remaining
search without any explicit cancellation logic.

Three problems are solved:
  * N-queens (all solutions for small boards, the first few for N=8),
  * a 4x4 sudoku with 2x2 boxes,
  * subset sum over a short list of integers.
"""
import itertools


class Stats:
    def __init__(self):
        self.nodes = 0
        self.pruned = 0

    def __repr__(self):
        return f"Stats(nodes={self.nodes}, pruned={self.pruned})"


def queens(n, stats, placed=()):
    """Yield tuples of column indices, one per row."""
    row = len(placed)
    if row == n:
        yield placed
        return
    stats.nodes += 1
    found_child = False
    for col in range(n):
        if all(col != c and abs(col - c) != row - r for r, c in enumerate(placed)):
            found_child = True
            yield from queens(n, stats, placed + (col,))
    if not found_child:
        stats.pruned += 1


def board_lines(solution):
    n = len(solution)
    return [" ".join("Q" if c == col else "." for c in range(n)) for col in solution]


def sudoku_candidates(grid, pos):
    r, c = divmod(pos, 4)
    used = set(grid[r * 4:r * 4 + 4])
    used.update(grid[i * 4 + c] for i in range(4))
    br, bc = r - r % 2, c - c % 2
    used.update(grid[(br + dr) * 4 + bc + dc] for dr in range(2) for dc in range(2))
    return [v for v in range(1, 5) if v not in used]


def sudoku(grid, stats, pos=0):
    while pos < 16 and grid[pos] != 0:
        pos += 1
    if pos == 16:
        yield list(grid)
        return
    stats.nodes += 1
    options = sudoku_candidates(grid, pos)
    if not options:
        stats.pruned += 1
    for value in options:
        grid[pos] = value
        try:
            yield from sudoku(grid, stats, pos + 1)
        finally:
            grid[pos] = 0          # undo, even if the consumer stops early


def subset_sum(numbers, target, stats, start=0, chosen=()):
    if target == 0:
        yield chosen
        return
    stats.nodes += 1
    for i in range(start, len(numbers)):
        x = numbers[i]
        if x > target:
            stats.pruned += 1
            break                  # numbers are sorted, nothing larger fits
        yield from subset_sum(numbers, target - x, stats, i + 1, chosen + (x,))


def main():
    print("== N-queens ==")
    for n in range(4, 8):
        stats = Stats()
        solutions = list(queens(n, stats))
        print(f"n={n}: {len(solutions):2d} solutions  {stats}")
    stats = Stats()
    first = list(itertools.islice(queens(8, stats), 3))
    print(f"n=8, first three: {first}")
    print(f"  search stopped early: {stats}")
    for line in board_lines(first[0]):
        print("  " + line)

    print("== 4x4 sudoku ==")
    puzzle = [
        1, 0, 0, 0,
        0, 0, 3, 0,
        0, 4, 0, 0,
        0, 0, 0, 2,
    ]
    stats = Stats()
    gen = sudoku(puzzle, stats)
    solution = next(gen)
    for r in range(4):
        row = solution[r * 4:r * 4 + 4]
        print("  " + " ".join(str(v) for v in row[:2]) + " | " + " ".join(str(v) for v in row[2:]))
    gen.close()
    print(f"  {stats}; puzzle restored: {puzzle}")
    stats = Stats()
    total = sum(1 for _ in sudoku([0] * 16, stats))
    print(f"  empty grid has {total} completions, {stats}")

    print("== subset sum ==")
    numbers = sorted([3, 34, 4, 12, 5, 2, 9, 7, 1])
    for target in (9, 20, 30):
        stats = Stats()
        found = list(subset_sum(numbers, target, stats))
        print(f"target {target}: {len(found)} subsets, {stats}")
        for subset in found[:4]:
            print(f"  {' + '.join(str(x) for x in subset)} = {target}")
        if len(found) > 4:
            print(f"  ... and {len(found) - 4} more")


if __name__ == "__main__":
    main()
