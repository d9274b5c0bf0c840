import sys

sys.path.insert(0, sys.path[0] + "/helper_pkg")
import alpha

print(alpha.ALPHA, alpha.__name__)
