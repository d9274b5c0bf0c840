import genericpath

print(genericpath.commonprefix(["interspecies", "interstellar", "interstate"]))
print(genericpath.exists("helper_pkg"), genericpath.isdir("helper_mod.py"))
