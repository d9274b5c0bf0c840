try:
    from . import helper_mod
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .helper_mod import GREETING
except ImportError as e:
    print(type(e).__name__, e)
print(__package__, __spec__)
