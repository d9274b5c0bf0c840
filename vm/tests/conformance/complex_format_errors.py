for spec in ["010", "0>10", "=10", "d", "%", "x", "s", ",d"]:
    try:
        format(1 + 2j, spec)
    except ValueError as e:
        print(repr(spec), e)
