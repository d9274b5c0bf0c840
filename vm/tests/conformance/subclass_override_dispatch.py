class L(list):
    def __len__(self):
        return 99

    def __getitem__(self, i):
        return "item%s" % i

    def __contains__(self, x):
        return x == "magic"

    def __iter__(self):
        return iter(["a", "b"])

    def __add__(self, other):
        return "added"

    def __eq__(self, other):
        return "eq"


l = L([1, 2, 3])
print(len(l), l[0], "magic" in l, 1 in l, list(l), l + [1], l == [1, 2, 3])
print(list.__len__(l), list.__getitem__(l, 0), list.__contains__(l, 1))
l.append(4)
print(list.__len__(l), [x for x in l])


class D(dict):
    def __getitem__(self, k):
        return "override"


d = D(a=1)
print(d["a"], d.get("a"), dict(d), list(d.values()), {**d})
