import sys
import helper_pkg_rel.inner.up

names = [k for k in sys.modules if k.startswith("helper_pkg_rel")]
print(names)
