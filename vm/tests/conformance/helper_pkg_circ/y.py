from helper_pkg_circ.x import X

Y = "y"
