words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(min(words, key=len), max(words, key=len), min([], default="none"), max([3, 9, 2]), min(4, 1, 7))
print(sum([1, 2, 3]), sum([0.5, 0.25], 10), sum([[1], [2]], []))
print(any([]), any([0, "", 3]), all([]), all([1, 0]), abs(-4), abs(-2.5))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 2), round(1234, -2), round(7.0), round(2.5, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), pow(3, 4), pow(3, 200, 7), pow(2, -1))
print(isinstance(3, (str, int)), isinstance(True, int), isinstance(3.0, (int, list)), issubclass(bool, int))
print(hash(42), hash(-1), hash(True), hash(1.0) == hash(1), chr(9731) == "\u2603", ord("z"), chr(65))


class Obj:
    pass


o = Obj()
setattr(o, "color", "red")
print(getattr(o, "color"), getattr(o, "size", 0), hasattr(o, "color"), hasattr(o, "size"))
print(callable(len), callable(Obj), callable(o), callable(lambda: 0))
print(list(enumerate("abc", start=1)), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "x"])))
print(list(filter(lambda n: n % 2, range(7))), list(reversed([1, 2, 3])), list(reversed("ab")))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"), next(it, None))
print(int("42"), int("-0x1f", 16), float(3), bool(""), bool("0"), str(3.0), list((1, 2)), bin(5), hex(255))
print(len("abc"), len({1: 2}), type(3).__name__, type(None).__name__, id(o) == id(o))
print(max("apple", "pear", key=lambda s: s[-1]), sorted([3, 1, 2], reverse=True), min((2, "a"), (1, "z")))
