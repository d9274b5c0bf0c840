# A SyntaxError from exec/compile carries msg, lineno, offset, text and filename.
for src in ["def f(:\n  pass", "1 +* 2", "a b"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, repr(e.text), e.filename)
try:
    compile("x = 1\ny = = 2\n", "myfile.py", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, repr(e.text), e.filename)
