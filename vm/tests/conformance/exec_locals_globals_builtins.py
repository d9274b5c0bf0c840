# locals() and globals() inside exec/eval code are the mappings given.
print(eval("locals()", {}, {"a": 1}))
print(sorted(eval("globals()", {"z": 1})))
loc = {}
exec("x = 1\nl = locals()", {}, loc)
print(loc["l"] is loc, sorted(loc))
