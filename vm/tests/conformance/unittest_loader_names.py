import unittest


class L(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        pass

    def helper(self):
        pass


loader = unittest.TestLoader()
print(loader.getTestCaseNames(L))
suite = loader.loadTestsFromTestCase(L)
print(suite.countTestCases(), [t.id().split(".")[-1] for t in suite])
loader.testMethodPrefix = "help"
print(loader.getTestCaseNames(L))
print(str(L("test_a")), repr(L("test_b"))[:25])
