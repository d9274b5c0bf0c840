try:
    import helper_pkg_circ.x
except ImportError as e:
    print(type(e).__name__, e)
import sys

print("helper_pkg_circ.x" in sys.modules, "helper_pkg_circ.y" in sys.modules)
