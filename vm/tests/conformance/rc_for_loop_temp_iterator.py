def gen():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("gen finally")


def scan():
    for v in gen():
        if v == 2:
            print("returning from inside loop")
            return v
    return None


print(scan())
print("after scan")
for v in gen():
    if v == 1:
        print("raising inside loop")
        try:
            raise KeyError(v)
        except KeyError:
            print("handled, then break")
            break
print("end")
