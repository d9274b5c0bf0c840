try:
    import helper_mod.child
except ModuleNotFoundError as e:
    print(e)
try:
    from helper_pkg import nothing_here
except ImportError as e:
    print(e)
