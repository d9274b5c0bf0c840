import helper_pkg

try:
    import helper_pkg.missing_sub
except ModuleNotFoundError as e:
    print(e)
print(hasattr(helper_pkg, "missing_sub"))
