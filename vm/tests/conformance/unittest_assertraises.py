import unittest

t = unittest.TestCase()
with t.assertRaises(KeyError) as cm:
    {}["k"]
print(type(cm.exception).__name__, cm.exception.args)
with t.assertRaisesRegex(ValueError, r"bad \d+"):
    raise ValueError("bad 42")
try:
    with t.assertRaises(TypeError):
        pass
except AssertionError as e:
    print(e)
try:
    with t.assertRaisesRegex(ValueError, "nope"):
        raise ValueError("other")
except AssertionError as e:
    print(e)
