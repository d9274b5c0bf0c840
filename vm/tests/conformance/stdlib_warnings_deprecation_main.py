# DeprecationWarning shows in __main__ but is ignored elsewhere by default.
import warnings
warnings.warn("main deprecation", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
print([f[0] for f in warnings.filters][:5])
