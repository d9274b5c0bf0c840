# An uncaught SyntaxError from exec prints its location block, as CPython does.
exec("x = 1 +")
