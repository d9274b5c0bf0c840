class Range2:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __iter__(self):
        n = self.lo
        while n < self.hi:
            yield n
            n += 1

    def pairs(self):
        for a in self:
            for b in self:
                if a < b:
                    yield a, b


r = Range2(1, 4)
print(list(r))
print(list(r.pairs()))
print(sum(r))
