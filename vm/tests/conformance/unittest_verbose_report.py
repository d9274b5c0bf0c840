import io
import unittest


class Sample(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        self.assertIn(3, [1, 2])

    def test_c(self):
        self.skipTest("later")


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Sample)
unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
for line in stream.getvalue().splitlines():
    if not line.startswith("Ran "):
        print(line.replace(__file__, "FILE"))
