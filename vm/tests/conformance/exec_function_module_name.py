# Functions made by exec take __module__ from the globals' __name__ (None without one);
# classes look __name__ up like any name, finding the builtins module's.
ns = {}
exec("def f(): pass\nclass C: pass", ns)
print(ns["f"].__module__, ns["C"].__module__)
ns2 = {"__name__": "mymod"}
exec("def f(): pass\nclass C: pass", ns2)
print(ns2["f"].__module__, ns2["C"].__module__, repr(ns2["C"]))
