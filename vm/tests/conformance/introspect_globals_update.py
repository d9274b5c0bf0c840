# globals().update and setdefault bind names the code then reads.
globals().update({"p": 10, "q": 20}, r=30)
print(p + q + r)
print(globals().setdefault("s", 5), s)
print(globals().setdefault("p", 99), p)


def f():
    return p * 2


globals()["p"] = 7
print(f())
