# stacklevel names the caller's line.
import warnings
def deprecated_api():
    warnings.warn("deprecated_api is old", FutureWarning, stacklevel=2)
def user():
    deprecated_api()
user()
