for subject in ["ab", b"ab", bytearray(b"ab"), ["a", "b"]]:
    match subject:
        case [x, y]:
            print(type(subject).__name__, "as a sequence:", x, y)
        case _:
            print(type(subject).__name__, "is not a sequence to match")
