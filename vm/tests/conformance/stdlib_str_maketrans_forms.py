# str.maketrans: a dict, two strings, and two strings plus deletions.
print(str.maketrans({"a": "1", "b": None, 99: "xyz"}))
print(str.maketrans("abc", "xyz"))
print(str.maketrans("ab", "cd", "ef"))
print("".maketrans("q", "r"))
for args in [("abc", "x"), (1,), ({"ab": 1},), ({1.5: 1},), (1, "a"), ("a", 1), ("a", "b", 3)]:
    try:
        str.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
