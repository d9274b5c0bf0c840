# compile() in exec, eval and single modes; code objects run by exec and eval.
c = compile("1 + 2", "<s>", "eval")
print(eval(c), type(c).__name__, c.co_filename, c.co_name)
d = {}
exec(compile("q = 7\nr = q * 2", "<s>", "exec"), d)
print(d["q"], d["r"])
exec(compile("5 * 5", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
print(exec("1"), eval(compile("x", "f", "eval"), {"x": "y"}))
try:
    compile("1", "<s>", "bogus")
except ValueError as e:
    print(e)
try:
    compile("a = 1\nb = 2\n", "<s>", "single")
except SyntaxError as e:
    print(e.msg)
exec(compile("if True:\n    6\n    None\n    for i in range(2):\n        i\n", "<s>", "single"))
