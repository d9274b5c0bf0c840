class M(list):
    def __init__(self, x):
        super().__init__(x)
        self.tag = "m"


m = M("ab")
print(m, m.tag, m.__dict__, m.__class__.__name__)
m.append("c")
print(m, len(m))
