def gen():
    try:
        yield "value"
    finally:
        print("generator finalized")


g = gen()
alias = g
print(next(g))
del g
print("deleted g, alias still holds it")
del alias
print("deleted alias")
