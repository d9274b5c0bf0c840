def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter()
inc()
inc()
print(get(), inc(), get())


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
    middle()
    return x


print(outer())
print(inc.__closure__ is not None, len(inc.__closure__))
