import sys
import helper_mod

print(sys.modules["helper_mod"] is helper_mod)
print(sys.modules["sys"] is sys)
print(sys.modules["__main__"].__name__)
print(type(sys.modules).__name__)
print(sys.modules.get("no_such_mod"))
