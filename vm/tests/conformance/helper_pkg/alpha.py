print("helper_pkg.alpha runs", __name__, __package__)
ALPHA = "alpha"


def shout():
    return ALPHA.upper()
