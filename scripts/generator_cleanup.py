"""When do a suspended generator's cleanups run?

A generator suspended inside ``try/finally`` or a ``with`` block still
owns that cleanup.  It runs when the generator finishes, when
``close()`` raises ``GeneratorExit`` at the paused ``yield``, or, in
CPython, as soon as the last reference to the generator disappears (the
reference count drops to zero and the generator is closed then and
there).  Each scenario below prints its steps so the order of the
cleanup relative to the surrounding code is visible.
"""


class Resource:
    """A context manager that reports when it is entered and exited."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"    open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        reason = "normally" if exc_type is None else f"by {exc_type.__name__}"
        print(f"    close {self.name} ({reason})")
        return False

    def __repr__(self):
        return f"Resource({self.name!r})"


def numbers(label, n):
    try:
        for i in range(n):
            yield i
    finally:
        print(f"    finally in {label}")


def reader(name, lines):
    with Resource(name) as res:
        for line in lines:
            yield f"{res.name}:{line}"


def outer(label):
    try:
        yield "outer start"
        yield from numbers(label + "/inner", 3)
        yield "outer end"
    finally:
        print(f"    finally in {label}")


def stubborn():
    refusals = 0
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            refusals += 1
            if refusals > 1:
                print("    stubborn gives up on the second GeneratorExit")
                return
            print("    stubborn ignores GeneratorExit")


def scenario(title):
    print(f"-- {title}")


def use_locally():
    gen = numbers("local", 5)
    print(f"    got {next(gen)}, returning without closing")
    return "returned"


def main():
    scenario("1. exhausted normally")
    print(f"    total {sum(numbers('sum', 4))}")
    print("    after sum")

    scenario("2. break out of a for loop")
    for x in numbers("loop", 10):
        if x == 2:
            print("    break")
            break
    print("    after loop")

    scenario("3. explicit close()")
    gen = reader("config.txt", ["a=1", "b=2", "c=3"])
    print(f"    {next(gen)}")
    print("    calling close()")
    gen.close()
    print(f"    close() again is harmless: {gen.close()}")

    scenario("4. rebinding the only reference")
    gen = numbers("first", 3)
    next(gen)
    print("    rebinding gen")
    gen = numbers("second", 3)
    print(f"    second yields {next(gen)}")
    del gen
    print("    after del")

    scenario("5. local variable of a returning function")
    print(f"    {use_locally()}")

    scenario("6. closing a delegating generator")
    gen = outer("outer")
    print(f"    {next(gen)} / {next(gen)} / {next(gen)}")
    gen.close()
    print("    after close")

    scenario("7. an exception thrown in")
    gen = reader("data.csv", ["x", "y"])
    next(gen)
    try:
        gen.throw(ValueError("bad row"))
    except ValueError as err:
        print(f"    caller sees ValueError: {err}")

    scenario("8. generator that refuses to close")
    gen = stubborn()
    next(gen)
    try:
        gen.close()
    except RuntimeError as err:
        print(f"    RuntimeError: {err}")
    gen = None
    print("    after dropping the stubborn generator")

    scenario("9. nested readers abandoned together")
    pairs = zip(reader("left", ["1", "2", "3"]), reader("right", ["a", "b"]))
    for left, right in pairs:
        print(f"    {left} {right}")
    print("    zip finished; rebinding pairs")
    pairs = None
    print("    done")


if __name__ == "__main__":
    main()
