from helper_pkg_rel import *

print(VALUE, inner.__name__)
import sys

print("helper_pkg_rel.inner" in sys.modules)
