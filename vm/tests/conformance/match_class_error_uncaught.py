class C:
    pass


match C():
    case C(1):
        print("no")
