import helper_pkg_rel.inner.leaf
import helper_pkg_rel.inner.leaf as l2
from helper_pkg_rel.inner import leaf
from helper_pkg_rel.inner.leaf import LEAF

print(leaf is l2, LEAF)
