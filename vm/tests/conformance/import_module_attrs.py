import helper_pkg_rel
import helper_pkg_rel.inner.leaf as leaf

print(helper_pkg_rel.__name__, helper_pkg_rel.__package__, helper_pkg_rel.__doc__)
print(leaf.__name__, leaf.__package__, leaf.__doc__)
print(leaf.__file__, leaf.__cached__)
print(helper_pkg_rel.__path__ == helper_pkg_rel.__spec__.submodule_search_locations)
print(leaf.__spec__.name, leaf.__spec__.origin, leaf.__spec__.has_location)
print(type(leaf.__loader__).__name__, type(leaf.__spec__).__name__)
