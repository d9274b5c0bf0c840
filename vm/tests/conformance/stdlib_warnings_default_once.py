# The default action shows a warning once per location; "once" once at all.
import warnings
for i in range(3):
    warnings.warn("loop warning")
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("only once")
warnings.warn("only once")
print("done")
