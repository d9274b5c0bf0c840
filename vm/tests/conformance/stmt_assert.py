assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("empty message:", repr(e.args))


def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    return v


print(check(3))
check("three")
