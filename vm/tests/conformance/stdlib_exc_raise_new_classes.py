# Raising and catching the lazily made built-in classes by their bases.
try:
    raise FileExistsError("already there")
except OSError as e:
    print(type(e).__name__, e, e.args)
try:
    raise BrokenPipeError("pipe")
except ConnectionError as e:
    print(repr(e))
try:
    raise RuntimeWarning("as an exception")
except Warning as e:
    print(type(e).__name__, str(e))
class MyWarning(PendingDeprecationWarning):
    pass
print(issubclass(MyWarning, DeprecationWarning), issubclass(MyWarning, Warning))
print(isinstance(TabError("x"), SyntaxError))
raise TimeoutError("took too long")
