def gen():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        return "ignored"


g = gen()
next(g)
print(g.close())
