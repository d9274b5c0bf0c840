import unittest

t = unittest.TestCase()
checks = [
    lambda: t.assertEqual([1, 2, 3], [1, 2, 4]),
    lambda: t.assertEqual({"a": 1}, {"a": 2}),
    lambda: t.assertEqual("abc\ndef\n", "abc\nxyz\n"),
    lambda: t.assertTrue(0, "custom"),
    lambda: t.assertIsNone(5),
    lambda: t.assertAlmostEqual(1.0, 1.1),
    lambda: t.assertIsInstance(3, str),
    lambda: t.assertCountEqual([1, 1, 2], [1, 2, 2]),
]
for c in checks:
    try:
        c()
    except AssertionError as e:
        print(str(e))
        print("--")
