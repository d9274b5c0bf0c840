# string constants, capwords and Formatter.
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(len(string.printable))
print(string.capwords("  hello   big   world "), string.capwords("a-b c-d", "-"))
f = string.Formatter()
print(f.format("{0}-{name}-{0!r}", "x", name="y"))
print(list(f.parse("a{0:>3}b{x!r}")))
