import collections

match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **rest}:
        print("rest", rest)

match {"a": 1}:
    case {**everything}:
        print("everything", everything)

dd = collections.defaultdict(list)
dd["k"] = 5
match dd:
    case {"missing": _}:
        print("should not match")
    case {"k": v, **others}:
        print("k", v, others, type(others).__name__)
print(sorted(dd))
od = collections.OrderedDict(x=1)
match od:
    case {"x": 1}:
        print("ordered dict matches")
