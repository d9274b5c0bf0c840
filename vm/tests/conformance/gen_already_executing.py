def gen():
    yield next(g)


g = gen()
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
print(g.gi_running)


def self_send():
    yield me.send(None)


me = self_send()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)
