def make():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return fns


print([f() for f in make()])


def capture_later():
    def show():
        return value
    value = "assigned after def"
    return show


print(capture_later()())


def unbound():
    def show():
        return late
    try:
        show()
    except NameError as e:
        print("NameError:", e)
    late = 1


unbound()
