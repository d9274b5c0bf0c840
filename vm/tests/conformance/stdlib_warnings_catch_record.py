# catch_warnings(record=True) collects WarningMessage objects.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", SyntaxWarning)
    warnings.warn(ImportWarning("third"))
for w in caught:
    print(w.category.__name__, w.message, w.lineno, type(w.message).__name__)
warnings.warn("outside again")
