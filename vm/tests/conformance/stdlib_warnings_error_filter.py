# simplefilter("error") turns warnings into exceptions.
import warnings
warnings.simplefilter("error")
try:
    warnings.warn("now an error", UserWarning)
except UserWarning as e:
    print("caught:", type(e).__name__, e)
warnings.warn("uncaught", ResourceWarning)
