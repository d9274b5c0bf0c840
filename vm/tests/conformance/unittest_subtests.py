import io
import unittest


class S(unittest.TestCase):
    def test_numbers(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)


result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(
    unittest.defaultTestLoader.loadTestsFromTestCase(S))
print(result.testsRun, len(result.failures))
for test, text in result.failures:
    print(test.id(), "|", text.strip().splitlines()[-1])
