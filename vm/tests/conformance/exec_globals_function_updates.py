# Functions made by exec read their globals dict live; a later exec into the
# same dict shares them.
g = {}
exec("counter = 0\ndef bump():\n    global counter\n    counter += 1\n    return counter", g)
print(g["bump"](), g["bump"](), g["counter"])
exec("def twice():\n    return bump() + bump()", g)
print(g["twice"](), g["counter"])
