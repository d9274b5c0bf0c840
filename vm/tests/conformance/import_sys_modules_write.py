import sys


class Fake:
    answer = 42


sys.modules["fake_module"] = Fake()
import fake_module

print(fake_module.answer)
from fake_module import answer

print(answer)
import helper_mod

print("helper_mod" in sys.modules)
del sys.modules["helper_mod"]
import helper_mod as again

print(again is helper_mod)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(e)
