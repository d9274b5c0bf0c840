from .. import VALUE
from ..inner import leaf
from . import leaf as leaf2

RESULT = (VALUE, leaf.LEAF, leaf is leaf2)
