import inspect

for bad in ([1, 2, 3], None, iter([1])):
    try:
        print(inspect.getgeneratorstate(bad))
    except AttributeError as e:
        print("AttributeError:", e)
