def gen(prefix):
    data = {"count": 0}
    while True:
        data["count"] += 1
        msg = yield f"{prefix}:{data['count']}"
        if msg:
            prefix = msg


g = gen("p")
print(next(g))
print(next(g))
print(g.send("q"))
print(next(g))
