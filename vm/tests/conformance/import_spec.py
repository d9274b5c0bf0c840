import helper_pkg.alpha
import helper_pkg.sub

s = helper_pkg.alpha.__spec__
print(s.name, s.parent, s.submodule_search_locations)
print(s.origin == helper_pkg.alpha.__file__)
p = helper_pkg.sub.__spec__
print(p.name, p.parent, len(p.submodule_search_locations))
print(p.submodule_search_locations == helper_pkg.sub.__path__)
print(helper_pkg.sub.__file__.endswith("helper_pkg/sub/__init__.py"))
print(helper_pkg.alpha.__file__.endswith("helper_pkg/alpha.py"))
print(type(helper_pkg.sub.__path__).__name__)
