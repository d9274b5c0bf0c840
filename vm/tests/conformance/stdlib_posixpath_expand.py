import posixpath

print(posixpath.expanduser("no_tilde/x"))
print(posixpath.normcase("A/B"), posixpath.islink("helper_pkg"), posixpath.ismount("/"))
