def gen():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught inside:", e)
            yield "recovered"


g = gen()
print(next(g))
print(g.throw(ValueError("bad value")))
print(next(g))
print(g.throw(ValueError, ValueError("second")))
