try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("ctx")
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        [][0]
    except IndexError as inner:
        raise KeyError("k") from inner
except KeyError as e:
    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        raise OSError("x")
    except OSError:
        raise TypeError("no chain") from None
except TypeError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
