def gen():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)


g = gen()
next(g)
g.throw(ValueError)
g.throw(ValueError, "with value")
g.throw(ValueError, ("tuple", "args"))
g.throw(KeyError("instance"))
try:
    g.throw("not an exception")
except TypeError as e:
    print("TypeError:", e)
