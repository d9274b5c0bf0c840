# exec/eval argument errors and syntax errors.
for call in [lambda: exec("1", []), lambda: eval("1", []), lambda: exec(1), lambda: eval(1),
             lambda: exec("1", {}, 5)]:
    try:
        call()
    except TypeError as e:
        print(e)
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("y", {})
except NameError as e:
    print(e)
