import os

os.environ["YS_TEST_VAR"] = "value"
print(os.environ["YS_TEST_VAR"], os.getenv("YS_TEST_VAR"))
del os.environ["YS_TEST_VAR"]
print(os.getenv("YS_TEST_VAR"))
try:
    os.environ["YS_TEST_VAR"]
except KeyError as e:
    print("KeyError", e)
