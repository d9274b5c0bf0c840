import sys


def fail():
    raise ValueError("boom")


try:
    fail()
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, sys.exception() is v)
print(sys.exc_info(), sys.exception())
print(sys.version_info[0], sys.version_info[1], sys.version_info >= (3, 8))
print(sys.maxsize == 2**63 - 1)
print(len(sys.argv) >= 1)
n = sys.stdout.write("written\n")
print(n)
sys.stderr.write("to stderr\n")
print("x", file=sys.stderr)
print("sys" in sys.modules, "__main__" in sys.modules)
old = sys.getrecursionlimit()
sys.setrecursionlimit(80)


def down(k):
    return down(k + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
sys.exit(3)
