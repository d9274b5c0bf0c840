# exec with separate globals and locals: assignments go to locals.
g = {"a": 2}
loc = {}
exec("b = a * 3\ndef h():\n    return a", g, loc)
print(loc["b"], loc["h"](), "b" in g, "h" in g)
exec("del b", g, loc)
print(sorted(loc))
