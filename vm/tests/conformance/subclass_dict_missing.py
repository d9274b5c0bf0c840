class D(dict):
    def __missing__(self, key):
        return key * 2


d = D(a=1)
print(d["a"], d[3], d.get(3), 3 in d, d)


class G(dict):
    def __getitem__(self, key):
        return 42


g = G(x=1)
print(g["x"], g.get("x"), dict(g), len(g), list(g.items()))
