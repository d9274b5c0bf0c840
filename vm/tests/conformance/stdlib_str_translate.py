# str.translate maps code points to strings, code points or None.
table = str.maketrans("aeiou", "AEIOU", "xyz")
print("a quick xylophone sound".translate(table))
print("hello".translate({ord("l"): "LL", ord("o"): None, ord("h"): 74}))
print("abc".translate({}))
class Upper:
    def __getitem__(self, c):
        if c == ord("z"):
            raise LookupError
        return chr(c).upper()
print("lazy".translate(Upper()))
print("abc".translate(["x", "y", "z"] * 40))
for bad in [{97: 1.5}, {97: -1}]:
    try:
        "a".translate(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
