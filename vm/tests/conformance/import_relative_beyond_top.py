try:
    import helper_pkg_rel.inner.beyond
except ImportError as e:
    print(type(e).__name__, e)
