from helper_pkg_circ import a

print(a.A, a.use_b())
print(a.b.use_a())
