# filterwarnings by message regex, category and module.
import warnings
warnings.filterwarnings("ignore", message="noisy")
warnings.filterwarnings("error", category=BytesWarning)
warnings.warn("noisy stuff")
warnings.warn("quiet stuff")
try:
    warnings.warn("bytes!", BytesWarning)
except BytesWarning as e:
    print("error:", e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
warnings.warn("restored")
