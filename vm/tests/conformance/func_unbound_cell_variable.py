# Reading a captured local before it is assigned is an UnboundLocalError; in
# the inner function it is a NameError about a free variable.
def outer():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)

    def inner():
        return y

    y = 1
    return inner


def early():
    def inner():
        return y

    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1


outer()
early()
