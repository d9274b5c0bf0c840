counter = 0


def bump():
    global counter
    counter += 1


def define_new():
    global created
    created = "made in function"


def shadow():
    counter = 99
    return counter


bump()
bump()
define_new()
print(counter, created, shadow(), counter)


def bad():
    print(counter)
    counter = 1


try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
