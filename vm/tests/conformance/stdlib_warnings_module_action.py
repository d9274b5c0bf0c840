# The "module" action shows a message once per module; resetwarnings.
import warnings
warnings.simplefilter("module")
def f(n):
    warnings.warn("per module")
for i in range(3):
    f(i)
warnings.warn("per module")
warnings.resetwarnings()
print(warnings.filters)
warnings.warn("after reset")
