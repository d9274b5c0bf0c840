# Frames of code compiled from a string show "<string>" and no source line.
exec("def f():\n    return 1 / 0\n")
f()
