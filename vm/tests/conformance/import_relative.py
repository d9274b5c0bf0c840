from helper_pkg.sub import deep
from helper_pkg import beta

print(deep.A, deep.alpha.__name__)
print(beta.alpha is deep.alpha)
