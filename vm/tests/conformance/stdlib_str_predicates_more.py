# isascii, isprintable, bytes.istitle.
for s in ["abc", "é", "", "a\tb", "a b", "\x7f", "\u200b", "Ünïcode"]:
    print(repr(s), s.isascii(), s.isprintable())
for b in [b"Hello World", b"hello", b"HeLLo", b"", b"A1 B2"]:
    print(b, b.istitle(), bytearray(b).istitle())
