# A replaced showwarning / formatwarning is called with the details.
import warnings
def show(message, category, filename, lineno, file=None, line=None):
    print("show:", message, category.__name__, filename.endswith(".py"), lineno)
warnings.showwarning = show
warnings.warn("hello")
warnings.showwarning = warnings._showwarning_orig
warnings.formatwarning = lambda m, c, f, l, line=None: "FORMATTED %s %s\n" % (c.__name__, m)
warnings.warn("formatted", UnicodeWarning)
