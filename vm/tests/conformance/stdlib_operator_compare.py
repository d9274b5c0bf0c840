import operator as op

print(op.eq(1, 1.0), op.ne("a", "b"), op.le(2, 2), op.gt(3, 1), op.ge(1, 2))
print(op.truth([]), op.truth([0]), op.is_not(1, None))
print(op.abs(-4), op.floordiv(7, 2), op.mod(7, 3), op.lshift(1, 4), op.rshift(16, 2))
print(op.and_(6, 3), op.xor(6, 3), op.inv(5), op.invert(0), op.pos(-2), op.sub(5, 7))
