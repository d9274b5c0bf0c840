def walk(tree, depth=0):
    label, children = tree
    yield "  " * depth + label
    for child in children:
        yield from walk(child, depth + 1)


tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
for line in walk(tree):
    print(line)
