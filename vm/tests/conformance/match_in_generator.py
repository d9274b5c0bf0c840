def interpreter():
    total = 0
    while True:
        cmd = yield total
        match cmd:
            case ("add", n):
                total += n
            case ("mul", n):
                total *= n
            case ["reset"]:
                total = 0
            case "stop":
                return total
            case _:
                print("unknown", cmd)


g = interpreter()
next(g)
print(g.send(("add", 5)))
print(g.send(("mul", 3)))
print(g.send(["reset"]))
print(g.send("bogus"))
print(g.send(("add", 2)))
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value)
