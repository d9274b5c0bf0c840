# A category that is not a Warning subclass is a TypeError.
import warnings
for bad in [3, str, "x"]:
    try:
        warnings.warn("m", bad)
    except TypeError as e:
        print(e)
warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
warnings.warn_explicit("explicit mod", EncodingWarning, "other", 7, module="m")
