import helper_pkg_ns.part.mod

print(helper_pkg_ns.part.mod.VALUE)
print(helper_pkg_ns.__file__)
print(helper_pkg_ns.__spec__.origin)
print(helper_pkg_ns.part.mod.__name__)
