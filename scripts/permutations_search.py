"""Puzzle search with itertools.permutations, combinations and product.

* Cryptarithms such as SEND + MORE = MONEY are solved column by column,
  right to left.  For each column, ``permutations`` proposes digits for
  the letters that first appear there, and a recursive generator
  (``yield from``) descends to the next column only when the column sum
  matches.  This prunes the search to a few thousand candidates instead
  of the 1.8 million a flat search would try.
* A small puzzle is also solved by brute force to cross-check.
* ``combinations`` builds all 3x3 magic squares from triples summing
  to 15, and ``product`` enumerates dice rolls.
"""
import itertools


class Counter:
    def __init__(self):
        self.tried = 0

    def __repr__(self):
        return f"{self.tried} candidates"


def columns(words, result):
    width = len(result)
    padded = [w.rjust(width) for w in words]
    for i in range(width - 1, -1, -1):
        yield [w[i] for w in padded if w[i] != " "], result[i]


def solve(words, result, counter):
    cols = list(columns(words, result))
    leading = {w[0] for w in words + [result]}
    yield from solve_column(cols, 0, {}, 0, leading, counter)


def solve_column(cols, index, assigned, carry, leading, counter):
    if index == len(cols):
        if carry == 0:
            yield dict(assigned)
        return
    addends, target = cols[index]
    new = []
    for letter in addends + [target]:
        if letter not in assigned and letter not in new:
            new.append(letter)
    free = [d for d in range(10) if d not in assigned.values()]
    for digits in itertools.permutations(free, len(new)):
        counter.tried += 1
        trial = dict(zip(new, digits))
        if any(trial[l] == 0 for l in new if l in leading):
            continue
        trial.update(assigned)
        total = sum(trial[l] for l in addends) + carry
        if total % 10 == trial[target]:
            yield from solve_column(cols, index + 1, trial, total // 10, leading, counter)


def value(word, digits):
    n = 0
    for letter in word:
        n = n * 10 + digits[letter]
    return n


def brute_force(words, result, counter):
    letters = sorted(set("".join(words) + result))
    for digits in itertools.permutations(range(10), len(letters)):
        counter.tried += 1
        mapping = dict(zip(letters, digits))
        if any(mapping[w[0]] == 0 for w in words + [result]):
            continue
        if sum(value(w, mapping) for w in words) == value(result, mapping):
            yield mapping


def show(words, result, mapping):
    nums = [str(value(w, mapping)) for w in words]
    return f"{' + '.join(nums)} = {value(result, mapping)}"


def magic_squares():
    triples = [t for t in itertools.combinations(range(1, 10), 3) if sum(t) == 15]
    for rows in itertools.combinations(triples, 3):
        if len(set(rows[0] + rows[1] + rows[2])) != 9:
            continue
        for order in itertools.permutations(rows):
            for r0, r1, r2 in itertools.product(*(itertools.permutations(r) for r in order)):
                grid = (r0, r1, r2)
                if all(sum(grid[r][c] for r in range(3)) == 15 for c in range(3)) \
                        and r0[0] + r1[1] + r2[2] == 15 and r0[2] + r1[1] + r2[0] == 15:
                    yield grid


def main():
    puzzles = [(["SEND", "MORE"], "MONEY"), (["TO", "GO"], "OUT"),
               (["TWO", "TWO"], "FOUR"), (["AB", "BC", "CA"], "ABC")]
    for words, result in puzzles:
        counter = Counter()
        solutions = list(solve(words, result, counter))
        title = f"{' + '.join(words)} = {result}"
        print(f"{title}: {len(solutions)} solution(s), {counter}")
        for mapping in solutions[:3]:
            letters = " ".join(f"{k}={mapping[k]}" for k in sorted(mapping))
            print(f"  {show(words, result, mapping):<26} {letters}")
        if len(solutions) > 3:
            print(f"  ... {len(solutions) - 3} more")

    counter = Counter()
    flat = list(brute_force(["TO", "GO"], "OUT", counter))
    print(f"brute force TO + GO = OUT: {[show(['TO', 'GO'], 'OUT', m) for m in flat]}, {counter}")

    squares = list(magic_squares())
    print(f"3x3 magic squares: {len(squares)}")
    for grid in squares[:2]:
        for row in grid:
            print("  " + " ".join(str(x) for x in row))
        print()

    rolls = list(itertools.product(range(1, 7), repeat=3))
    sums = {}
    for roll in rolls:
        sums[sum(roll)] = sums.get(sum(roll), 0) + 1
    print(f"three dice, {len(rolls)} outcomes:")
    for total in sorted(sums):
        print(f"  {total:2d} {sums[total]:3d} {'#' * sums[total]}")


if __name__ == "__main__":
    main()
