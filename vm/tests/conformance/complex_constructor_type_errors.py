for args in [("1", 2), (1, "2"), ([],), (1, []), (None,)]:
    try:
        complex(*args)
    except TypeError as e:
        print(e)
try:
    complex(1, 2, 3)
except TypeError as e:
    print(e)
try:
    complex(x=1)
except TypeError as e:
    print(e)
