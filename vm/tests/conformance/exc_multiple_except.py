def classify(action):
    try:
        action()
    except (KeyError, IndexError) as e:
        return "lookup: " + type(e).__name__
    except ArithmeticError as e:
        return "math: " + type(e).__name__
    except Exception as e:
        return "other: " + type(e).__name__


print(classify(lambda: {}["x"]))
print(classify(lambda: [][1]))
print(classify(lambda: 1 / 0))
print(classify(lambda: int("z")))
print(classify(lambda: None.foo))
