def load():
    import helper_pkg_rel.inner.leaf as leaf
    from helper_pkg_rel import VALUE
    return leaf.LEAF, VALUE


print(load())
print(load())
print("helper_pkg_rel" in globals())
