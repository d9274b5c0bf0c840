import math

print(math.floor(2.5))
import definitely_missing_module
