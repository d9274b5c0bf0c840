import helper_pkg

helper_pkg.beta = "not the module"
from helper_pkg import beta

print(beta)
import helper_pkg.beta as real

print(type(real).__name__, real.BETA)
