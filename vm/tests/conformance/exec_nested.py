# exec inside exec'd code, and compile() of code defining functions.
g = {}
exec("exec('inner = 1')\nouter = inner + 1", g)
print(g["inner"], g["outer"])
code = compile("def sq(n):\n    return n * n\n", "<gen>", "exec")
ns = {}
exec(code, ns)
exec(code, ns)
print(ns["sq"](7), ns["sq"].__code__.co_filename)
