from helper_star import *

print(shown, _private_listed)
try:
    hidden
except NameError as e:
    print(e)
from helper_star_noall import *

print(public)
try:
    _private
except NameError as e:
    print(e)
