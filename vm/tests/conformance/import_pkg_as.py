import helper_pkg.sub.deep as d
import helper_pkg.alpha as al

print(d.DEEP)
print(d.__name__, d.__package__)
print("helper_pkg" in dir())
import helper_pkg

print(al is helper_pkg.alpha)
