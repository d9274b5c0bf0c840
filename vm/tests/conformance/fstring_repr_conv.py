s = "it's"
print(f"{s!r} {s!s} {s}")
word = 'say "hi"'
print(f"{word!r} {word!a}")
print(f"{[1, 'a', None]!r}")
print(f"{ {'k': 'v'} }")
print(repr("both ' and \""), repr("new\nline"), repr("tab\t"), repr("\x00\x7f"), repr("é"), ascii("é"))
val = 42
print(f"{val=}", f"{val * 2 = }", f"{s=!s}", f"{val=:>5}")


class R:
    def __repr__(self):
        return "R()"

    def __str__(self):
        return "r-str"


print(f"{R()} {R()!r} {R()!s}", [R()], str(R()))
print(f"{3.0!r} {1e20!r} {-0.5!r}")
print(repr(b"bytes\n"), repr(("one",)), repr(()), repr(set()), repr({1}))
