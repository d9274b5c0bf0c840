for fmt, args in [
    ("%d", "x"),
    ("%d %d", (1,)),
    ("%s", (1, 2)),
    ("%x", 1.5),
    ("%c", "ab"),
    ("%(a)s", 1),
    ("%(a)s", {}),
    ("%z", 1),
    ("%", ()),
    ("%f", "1"),
]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
print("%s has %d items, %r" % ("worker", 3, [1]))
print("%-5s|%05.1f|%+d|%*d|%.*f|%%|%c" % ("ab", 3.14159, 4, 4, 7, 2, 2.5, 65))
print("%(x)s and %(y)r" % {"x": 1, "y": "z"})
"%d" % "s"
