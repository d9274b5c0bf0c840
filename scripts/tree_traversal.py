"""Tree traversals with recursive ``yield from``.

Part one builds a binary search tree and walks it in-order, pre-order
and post-order with recursive generators, plus a breadth-first walk that
uses a deque instead of recursion.  Part two models a small file system
(directories containing files and directories) and uses generators to
print it like the ``tree`` command, compute directory sizes and search
for files lazily, stopping the walk as soon as a match is found.
"""
from collections import deque
import itertools


class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Node(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Node(key)
            else:
                self.right.insert(key)


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)


def preorder(node):
    if node is not None:
        yield node.key
        yield from preorder(node.left)
        yield from preorder(node.right)


def postorder(node):
    if node is not None:
        yield from postorder(node.left)
        yield from postorder(node.right)
        yield node.key


def level_order(root):
    queue = deque([(root, 0)])
    while queue:
        node, depth = queue.popleft()
        if node is not None:
            yield depth, node.key
            queue.append((node.left, depth + 1))
            queue.append((node.right, depth + 1))


def height(node):
    return 0 if node is None else 1 + max(height(node.left), height(node.right))


class File:
    def __init__(self, name, size):
        self.name = name
        self.size = size

    def __repr__(self):
        return f"File({self.name!r}, {self.size})"


class Dir:
    def __init__(self, name, *children):
        self.name = name
        self.children = list(children)

    def __repr__(self):
        return f"Dir({self.name!r}, {len(self.children)} entries)"


def walk(entry, path=""):
    """Yield (path, entry) for every entry, parents before children."""
    full = f"{path}/{entry.name}" if path else entry.name
    yield full, entry
    if isinstance(entry, Dir):
        for child in entry.children:
            yield from walk(child, full)


def draw(entry, prefix=""):
    """Yield the lines of a `tree`-style drawing."""
    for i, child in enumerate(entry.children):
        last = i == len(entry.children) - 1
        label = child.name + ("/" if isinstance(child, Dir) else f" ({child.size})")
        yield prefix + ("`-- " if last else "|-- ") + label
        if isinstance(child, Dir):
            yield from draw(child, prefix + ("    " if last else "|   "))


def sizes(entry):
    """Yield (dir, total) bottom-up and return the total of `entry`."""
    if isinstance(entry, File):
        return entry.size
    total = 0
    for child in entry.children:
        total += yield from sizes(child)
    yield entry.name, total
    return total


def main():
    root = Node(50)
    for key in [30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 75, 42]:
        root.insert(key)
    print(f"in-order:   {list(inorder(root))}")
    print(f"pre-order:  {list(preorder(root))}")
    print(f"post-order: {list(postorder(root))}")
    print(f"height: {height(root)}")
    for depth, group in itertools.groupby(level_order(root), key=lambda item: item[0]):
        print(f"  level {depth}: {[key for _, key in group]}")
    evens = (k for k in inorder(root) if k % 20 == 0)
    print(f"first two multiples of 20: {list(itertools.islice(evens, 2))}")
    pairs = zip(inorder(root), itertools.islice(inorder(root), 1, None))
    print(f"sorted check: {all(a <= b for a, b in pairs)}")

    fs = Dir("project",
             File("README.md", 1200),
             Dir("src",
                 File("main.py", 5400),
                 File("util.py", 2100),
                 Dir("vm", File("frame.py", 3300), File("opcodes.py", 7800))),
             Dir("tests", File("test_vm.py", 4100), Dir("data", File("gen.txt", 640))),
             Dir("docs"),
             File("setup.cfg", 300))
    print("project/")
    for line in draw(fs):
        print(line)

    print("directory sizes (bottom-up):")
    gen = sizes(fs)
    while True:
        try:
            name, total = next(gen)
        except StopIteration as stop:
            print(f"  grand total = {stop.value}")
            break
        print(f"  {name:<8} {total:>6}")

    visited = []
    for path, entry in walk(fs):
        visited.append(entry.name)
        if path.endswith(".py") and entry.size > 3000:
            print(f"first large .py file: {path} ({entry.size} bytes)")
            break
    print(f"  found after visiting {len(visited)} entries: {visited}")
    py_files = sorted((e.size, p) for p, e in walk(fs) if p.endswith(".py"))
    print(f"python files by size: {[p for _, p in py_files]}")
    empty = [p for p, e in walk(fs) if isinstance(e, Dir) and not e.children]
    print(f"empty directories: {empty}")


if __name__ == "__main__":
    main()
