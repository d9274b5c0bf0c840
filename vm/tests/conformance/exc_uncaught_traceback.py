def level3(values):
    return values[0] / values[1]


def level2(values):
    return level3(values) + 1


def level1():
    data = [10, 0]
    return level2(data)


print("before")
level1()
print("after")
