vals = [0, 7, -42, 255, 3.14159, -0.5, 1e20, 1.5e-7, True]
for spec in ["%s", "%r", "%a", "%d", "%i", "%x", "%X", "%o", "%e", "%E", "%f", "%F", "%g", "%G",
             "%5d", "%-5d|", "%05d", "%+d", "% d", "%#x", "%#o", "%#X", "%.2f", "%10.3e", "%-10.2g|",
             "%+.1f", "%#g", "%.0f", "%.3s"]:
    out = []
    for v in vals:
        try:
            out.append(spec % v)
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(spec, out)
print("%c%c%c" % (72, "i", 33))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 3, 3.14159))
print("%(name)s is %(age)d, %(name)r" % {"name": "Ann", "age": 30})
print("%s and %s" % ("é", "ü"), "%a" % "é")
print("%%d" % (), "%s" % ([1, (2, 3)],), "%s" % {"k": None})
print("%s" % (1,), "%s %s" % (1, 2), "%r" % ("x",))
print("%x %o" % (2**70, -2**65))
print("%.3f %e" % (2**60, 10**25))
for bad in [("%d", ([],)), ("%c", (1114112,)), ("%c", ("",)), ("%s %s", ("a",)),
            ("%s", ("a", "b")), ("%(k)s", ("x",)), ("%*d", ("a", 1)), ("%.2z", (1,)),
            ("%d", (None,)), ("%x", (1.0,)), ("%i", ("3",)), ("abc %", (1,))]:
    fmt, args = bad
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
