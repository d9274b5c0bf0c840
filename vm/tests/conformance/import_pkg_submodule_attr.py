import helper_pkg.beta

print(helper_pkg.beta.BETA)
print(hasattr(helper_pkg, "beta"), hasattr(helper_pkg, "sub"))
print(helper_pkg.beta.both())
print(helper_pkg.sub.deep.DEEP)
