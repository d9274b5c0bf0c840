import io
import sys
import unittest


class M(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(2 + 2, 4)


sys.stderr = io.StringIO()
prog = unittest.main(argv=["prog"], exit=False)
out = sys.stderr.getvalue()
sys.stderr = sys.__stderr__
print(prog.result.testsRun, prog.result.wasSuccessful())
print(out.splitlines()[0], out.splitlines()[-1])
