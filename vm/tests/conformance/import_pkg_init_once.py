import helper_pkg
import helper_pkg.alpha
from helper_pkg import alpha
import helper_pkg as again

print(again is helper_pkg, alpha is helper_pkg.alpha)
