import operator

print(operator.add(2, 3), operator.mul(4, 5), operator.neg(3), operator.not_(0))
print(operator.or_(0b1010, 0b0101), operator.truediv(7, 2))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 2], 2), operator.indexOf("abc", "c"))
print(operator.is_(None, None), operator.lt(1, 2), operator.pow(2, 10))
