"""Benchmark: recursive ``yield from`` over large and deep trees.

A complete binary tree of 2^17 - 1 nodes is traversed in-order, pre-order
and post-order with recursive generators, so every value is passed up
through up to 17 delegating frames.  A second, degenerate tree (a chain 500
levels deep) stresses long ``yield from`` delegation chains, and a
generator-based tree sum returns subtotals through ``yield from``'s
return value.
"""

DEPTH = 17
CHAIN = 500
CHAIN_PASSES = 24


class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right


def build(lo, hi):
    """Balanced tree over the integers lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid), build(mid + 1, hi))


def build_chain(n):
    root = None
    for v in range(n):
        root = Node(v, root, None)
    return root


def inorder(node):
    if node.left is not None:
        yield from inorder(node.left)
    yield node.value
    if node.right is not None:
        yield from inorder(node.right)


def preorder(node):
    yield node.value
    if node.left is not None:
        yield from preorder(node.left)
    if node.right is not None:
        yield from preorder(node.right)


def postorder(node):
    if node.left is not None:
        yield from postorder(node.left)
    if node.right is not None:
        yield from postorder(node.right)
    yield node.value


def subtotals(node):
    """Yield each node's subtree sum (post-order); return the total."""
    total = node.value
    if node.left is not None:
        total += yield from subtotals(node.left)
    if node.right is not None:
        total += yield from subtotals(node.right)
    yield total
    return total


def digest(values):
    h = 0
    n = 0
    for v in values:
        h = (h * 1_000_003 ^ v) & 0xFFFFFFFF
        n += 1
    return n, h


def main():
    root = build(0, 2 ** DEPTH - 1)
    for name, walk in (("inorder", inorder), ("preorder", preorder), ("postorder", postorder)):
        n, h = digest(walk(root))
        print(f"{name:<9} nodes={n} digest={h:08x}")

    gen = subtotals(root)
    count = 0
    biggest = 0
    while True:
        try:
            s = next(gen)
        except StopIteration as stop:
            total = stop.value
            break
        count += 1
        if s > biggest:
            biggest = s
    print(f"subtotals: {count} yielded, total={total}, max={biggest}")

    chain = build_chain(CHAIN)
    acc = 0
    for _ in range(CHAIN_PASSES):
        n, h = digest(inorder(chain))
        acc = (acc * 31 + h + n) & 0xFFFFFFFF
    print(f"chain depth {CHAIN}: {CHAIN_PASSES} passes, digest={acc:08x}")


if __name__ == "__main__":
    main()
