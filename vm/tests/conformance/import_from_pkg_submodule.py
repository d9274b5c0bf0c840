from helper_pkg import sub, beta
from helper_pkg.sub import deep

print(sub.SUB, sub.__name__, sub.__package__)
print(beta.BETA)
print(deep.DEEP)
