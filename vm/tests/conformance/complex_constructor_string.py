for s in ["1+2j", " ( -j ) ", "2.5e3J", "1e5", "-1.5-0.5j", "+j", "j", "inf+nanj", "-infj", "1_000+2_0j", "(1)", "NaN", "  3.0  "]:
    print(repr(s), complex(s))
