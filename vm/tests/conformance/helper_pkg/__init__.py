"""Helper package imported by the import_pkg_* cases (not a test case)."""

print("helper_pkg init", __name__, __package__)
TOP = "top value"
from .alpha import ALPHA
