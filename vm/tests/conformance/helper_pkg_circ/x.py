from helper_pkg_circ.y import Y

X = "x"
