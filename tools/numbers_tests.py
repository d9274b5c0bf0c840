"""Runs the test methods of one of CPython's numeric test modules without
`unittest` (which needs `_io`): the module's source is read from the found
CPython's `Lib/test`, its `unittest`/`test.*` imports are replaced by small
stand-ins defined here, and every `test_*` method of every TestCase class is
called, counting passes and failures.

Usage (run the same command under both interpreters and compare):
    yieldscope run tools/numbers_tests.py test_complex
    python3 tools/numbers_tests.py test_complex
Add -v to list each failing test with its exception.
"""

import math
import os
import re
import sys


class SkipTest(Exception):
    pass


class _Raises:
    def __init__(self, excs, regex=None):
        self.excs = excs
        self.regex = regex
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, tp, value, tb):
        if tp is None:
            raise AssertionError("%r not raised" % (self.excs,))
        if not issubclass(tp, self.excs):
            return False
        if self.regex is not None and not re.search(self.regex, str(value)):
            raise AssertionError("message %r does not match %r" % (str(value), self.regex))
        self.exception = value
        return True


class TestCase:
    maxDiff = None

    def __init__(self, name="runTest"):
        self._name = name

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def subTest(self, *args, **kwargs):
        return _NoOp()

    def fail(self, msg=None):
        raise AssertionError(msg)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def assertEqual(self, a, b, msg=None):
        if not a == b:
            raise AssertionError(msg or "%r != %r" % (a, b))

    assertListEqual = assertTupleEqual = assertEqual

    def assertNotEqual(self, a, b, msg=None):
        if a == b:
            raise AssertionError(msg or "%r == %r" % (a, b))

    def assertTrue(self, x, msg=None):
        if not x:
            raise AssertionError(msg or "%r is not true" % (x,))

    def assertFalse(self, x, msg=None):
        if x:
            raise AssertionError(msg or "%r is not false" % (x,))

    def assertIs(self, a, b, msg=None):
        if a is not b:
            raise AssertionError(msg or "%r is not %r" % (a, b))

    def assertIsNot(self, a, b, msg=None):
        if a is b:
            raise AssertionError(msg or "unexpectedly identical")

    def assertIsNone(self, x, msg=None):
        self.assertIs(x, None, msg)

    def assertIsInstance(self, x, t, msg=None):
        if not isinstance(x, t):
            raise AssertionError(msg or "%r is not an instance of %r" % (x, t))

    def assertIn(self, a, b, msg=None):
        if a not in b:
            raise AssertionError(msg or "%r not in %r" % (a, b))

    def assertNotIn(self, a, b, msg=None):
        if a in b:
            raise AssertionError(msg or "%r in %r" % (a, b))

    def assertGreater(self, a, b, msg=None):
        self.assertTrue(a > b, msg)

    def assertGreaterEqual(self, a, b, msg=None):
        self.assertTrue(a >= b, msg)

    def assertLess(self, a, b, msg=None):
        self.assertTrue(a < b, msg)

    def assertLessEqual(self, a, b, msg=None):
        self.assertTrue(a <= b, msg)

    def assertAlmostEqual(self, a, b, places=None, msg=None, delta=None):
        if a == b:
            return
        if delta is not None:
            if abs(a - b) <= delta:
                return
        elif round(abs(a - b), 7 if places is None else places) == 0:
            return
        raise AssertionError(msg or "%r != %r within tolerance" % (a, b))

    def assertNotAlmostEqual(self, a, b, places=None, msg=None, delta=None):
        try:
            self.assertAlmostEqual(a, b, places, None, delta)
        except AssertionError:
            return
        raise AssertionError(msg or "%r == %r within tolerance" % (a, b))

    def assertRaises(self, excs, *args, **kwargs):
        ctx = _Raises(excs)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)
        return None

    def assertRaisesRegex(self, excs, regex, *args, **kwargs):
        ctx = _Raises(excs, regex)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)
        return None

    def assertWarns(self, *args, **kwargs):
        if len(args) > 1:
            return args[1](*args[2:], **kwargs)
        return _NoOp()


class _NoOp:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def _identity_decorator(*args, **kwargs):
    if len(args) == 1 and callable(args[0]) and not kwargs:
        return args[0]
    return lambda f: f


def _skip_unless(cond, reason):
    if cond:
        return lambda f: f

    def deco(f):
        def skipped(*a, **k):
            raise SkipTest(reason)
        return skipped
    return deco


def _skip_if(cond, reason):
    return _skip_unless(not cond, reason)


class _Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)


unittest_stub = _Namespace(
    TestCase=TestCase, SkipTest=SkipTest, main=lambda *a, **k: None,
    skipUnless=_skip_unless, skipIf=_skip_if, skip=lambda r: _skip_if(True, r),
    expectedFailure=lambda f: f,
)
support_stub = _Namespace(
    requires_IEEE_754=_identity_decorator, cpython_only=_identity_decorator,
    requires_resource=lambda r: _skip_if(True, "resource"),
    skip_if_pgo_task=_identity_decorator, import_helper=None,
)


def strip_imports(src):
    """Drops the imports of `unittest` and of the `test` package."""
    src = re.sub(r"^from test[\w.]* import \([^)]*\)\n", "", src, flags=re.M)
    src = re.sub(r"^(import unittest|from test[\w.]* import .*|import test[\w.]*.*)$",
                 "pass", src, flags=re.M)
    return src


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    name = args[0] if args else "test_complex"
    import fractions  # written in Python in every CPython: its folder is Lib
    path = os.path.join(os.path.dirname(fractions.__file__), "test", name + ".py")
    with open(path) as f:
        src = strip_imports(f.read())
    ns = {"__name__": "numbers_test_" + name, "unittest": unittest_stub,
          "support": support_stub, "requires_IEEE_754": _identity_decorator,
          "cpython_only": _identity_decorator,
          "VALID_UNDERSCORE_LITERALS": ["1_0", "0_1j", "1_0.5_0", "1e1_0"],
          "INVALID_UNDERSCORE_LITERALS": ["1__0", "_1", "1_", "1._5", "1_.5", "1e_5"]}
    exec(compile(src, path, "exec"), ns)
    passed = failed = errors = skipped = 0
    for cname, cls in list(ns.items()):
        if not (isinstance(cls, type) and issubclass(cls, TestCase)):
            continue
        for mname in sorted(dir(cls)):
            if not mname.startswith("test"):
                continue
            inst = cls(mname)
            try:
                inst.setUp()
                getattr(inst, mname)()
                inst.tearDown()
                passed += 1
            except SkipTest:
                skipped += 1
            except AssertionError as e:
                failed += 1
                if verbose:
                    print("FAIL", cname + "." + mname, str(e)[:200])
            except Exception as e:
                errors += 1
                if verbose:
                    print("ERROR", cname + "." + mname, type(e).__name__, str(e)[:200])
    print(f"{name}: {passed} passed, {failed} failed, {errors} errors, {skipped} skipped")


main()
