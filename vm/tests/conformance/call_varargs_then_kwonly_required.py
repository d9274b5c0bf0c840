# *args followed by a required keyword-only parameter.
def f(*args, key):
    return args, key


print(f(1, key=2))
print(f(key=3))
try:
    f(1, 2)
except TypeError as e:
    print(e)
