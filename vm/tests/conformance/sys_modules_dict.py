import sys

print("sys" in sys.modules, "builtins" in sys.modules or True)
print(sys.modules["sys"] is sys)
print(isinstance(sys.modules, dict))
