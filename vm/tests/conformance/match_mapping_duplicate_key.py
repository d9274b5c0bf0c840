class K:
    a = "k"
    b = "k"


try:
    match {"k": 1, "j": 2}:
        case {K.a: 1, K.b: 2}:
            print("matched")
except ValueError as e:
    print("ValueError:", e)
