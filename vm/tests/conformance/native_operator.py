# _operator: the C half of operator: arithmetic and comparison functions, itemgetter,
# attrgetter, methodcaller (calls and reprs), index, length_hint, _compare_digest, in-place ops
import _operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(16, 2))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
d = {"a": 1}
op.setitem(d, "b", 2)
op.delitem(d, "a")
print(d, op.getitem(d, "b"), op.index(7), repr(op.index(True)), op.call(max, 1, 5, 2))
g = op.itemgetter(1)
g2 = op.itemgetter(0, -1)
print(g([5, 6, 7]), g2("hello"), repr(g), repr(g2))

class P:
    def __init__(self):
        self.x = 1
        self.child = self
    def greet(self, name, punct="!"):
        return "hi " + name + punct

a = op.attrgetter("x")
a2 = op.attrgetter("x", "child.x")
print(a(P()), a2(P()), repr(a2))
m = op.methodcaller("greet", "bob", punct="?")
print(m(P()), repr(m), op.methodcaller("upper")("x"))
print(op.length_hint([1, 2]), op.length_hint(iter([1, 2, 3])) in (0, 3), op.length_hint(5, 9))
print(op._compare_digest(b"abc", b"abc"), op._compare_digest("abc", "abd"), op._compare_digest(b"a", bytearray(b"a")))
lst = [1]
print(op.iadd(lst, [2]) is lst, lst, op.isub(5, 2), op.imul(3, 3), op.ior(1, 2), op.ipow(2, 3))
for f, args in [(op.itemgetter, ()), (op.attrgetter, (1,)), (op.methodcaller, (1,)), (op.concat, (1, 2)),
                (op.indexOf, ([1], 2)), (op.index, (1.5,)), (op._compare_digest, (1, 2)),
                (op._compare_digest, ("é", "e")), (op.length_hint, ([], "x"))]:
    try:
        print(f(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
