for s in ["1 + 2j", "1e", "j1", "", "()", "1+2", "(1+2j", "1+2j)", "1__0j", "jj", "1+2k"]:
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), e)
