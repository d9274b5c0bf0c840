import helper_mod
import helper_mod as hm
from helper_mod import GREETING, countdown, Widget

print(helper_mod is hm)
print(GREETING)
print(list(countdown(3)))
print(Widget("w"))
print(hm.bump(), helper_mod.bump())
print(helper_mod.__name__)
try:
    from helper_mod import does_not_exist
except ImportError as e:
    print("ImportError:", e)
