class OC(list):
    def __init__(self, *a):
        super().__init__(*a)
    def remove_all(self, x):
        while x in self:
            self.remove(x)
oc = OC([1, 2, 1])
oc.remove_all(1)
print(oc, type(oc) is OC, oc.__class__.__name__, oc.pop() if oc else None, oc)
class I(int):
    pass
print(I(0) or 'zero', I(3) + I(4), type(I(3) + 1).__name__, -I(2), abs(I(-2)), I(7) // 2, I(5) < 6, f"{I(5):03d}", int(I(9)))
class S(str):
    pass
print(S('a,b').split(','), S('x') * 3, 'x' + S('y'), S('abc')[1:], f"{S('q')}", '%s' % S('z'), S('ab') < 'b', {S('k'): 1}['k'])
class D(dict):
    pass
d = D({'a': 1}, b=2)
print(d, sorted(d.items()), d == {'a': 1, 'b': 2}, D.fromkeys('xy') if hasattr(D, 'fromkeys') else '')
class T(tuple):
    pass
print(T([1, 2]), T(), T('ab') + ('c',), T([3])[0], T([1]) == (1,))
class F(float):
    def __repr__(self): return 'F!'
print(F(2.5), str(F(1.0)), F(2.5) * 2, round(F(2.5)))
