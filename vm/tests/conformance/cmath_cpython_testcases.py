# Every vector of CPython's own cmath test data (Lib/test/cmath_testcases.txt): the
# result, or the exception, of each function on each argument.
import cmath, fractions, os
path = os.path.join(os.path.dirname(fractions.__file__), "test", "cmath_testcases.txt")
with open(path) as f:
    for line in f:
        line = line.split("--")[0].strip()
        if not line:
            continue
        lhs = line.split("->")[0].split()
        id_, fn, ar, ai = lhs
        try:
            r = cmath.rect(float(ar), float(ai)) if fn == "rect" else getattr(cmath, fn)(complex(float(ar), float(ai)))
            print(id_, repr(r))
        except Exception as e:
            print(id_, type(e).__name__, e)
