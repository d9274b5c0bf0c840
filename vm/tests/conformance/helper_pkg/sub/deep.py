from .. import alpha
from ..alpha import ALPHA as A

DEEP = "deep:" + A + ":" + alpha.__name__
