import sys
import helper_pkg_rel.inner.leaf

del sys.modules["helper_pkg_rel.inner.leaf"]
import helper_pkg_rel.inner.leaf as again

print(again.LEAF)
