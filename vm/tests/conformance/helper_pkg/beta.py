from . import alpha
from .alpha import shout
from .sub.deep import DEEP

BETA = alpha.ALPHA + "+beta"


def both():
    return shout(), DEEP
