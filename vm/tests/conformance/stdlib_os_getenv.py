import os

print(os.getenv("YS_SURELY_UNSET_VARIABLE"))
print(os.getenv("YS_SURELY_UNSET_VARIABLE", "default"))
print(os.environ.get("YS_SURELY_UNSET_VARIABLE", 5))
print("PATH" in os.environ, isinstance(os.environ["PATH"], str))
