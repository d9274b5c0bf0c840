# _string.formatter_parser and formatter_field_name_split, errors included
import _string

for s in ["a{0}b{x!r:>{w}}c{{d}}e", "{}", "{{", "}}x", "abc", "", "{a.b[0]}", "{:}", "{!s}",
          "{0!}", "{0", "a}b", "{0!rr}", "{0:{1}", "x{", "{0!r", "{[}", "{a{b}", "{0!", "{a[}]}"]:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)

for s in ["a.b[0].c", "0[1]", "", "x[", "a.", "a[b]c", "12", "[0]", "a..b", "a[]", "a[x.y]"]:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
