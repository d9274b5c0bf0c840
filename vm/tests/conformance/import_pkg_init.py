import helper_pkg

print(helper_pkg.TOP, helper_pkg.ALPHA)
print(helper_pkg.__name__, helper_pkg.__package__)
print(helper_pkg.alpha.shout())
