def gen(name):
    try:
        print("started", name)
        yield name
    finally:
        print("finally", name)


g = gen("never started")
g = None
print("unstarted generator dropped silently")
g = gen("closed before start")
g.close()
print("close on unstarted generator ran nothing")
g = gen("exhausted")
print(list(g))
g = None
print("exhausted generator dropped silently")
