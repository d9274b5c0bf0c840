print("abc".isascii(), "".isascii(), "caf\u00e9".isascii(), b"x\x80".isascii(), bytearray(b"ok").isascii(), b"".isascii())
