class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)

    def __getitem__(self, key):
        return dict.__getitem__(self, key.upper())

    def __contains__(self, key):
        return super().__contains__(key.upper())


u = Upper()
u["a"] = 1
print(u, u["A"], u["a"], "a" in u, len(u), list(u), dict.__len__(u))
u.update(b=2)
print(u, u.get("a"), u.get("A"))
