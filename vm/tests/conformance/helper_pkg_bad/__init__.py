print("helper_pkg_bad starts")
raise ValueError("broken package")
