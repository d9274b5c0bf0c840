x = 5
match x:
    case 1:
        print("one")
    case 2:
        print("two")
print("after")
for i in range(4):
    match i:
        case 1:
            continue
        case 3:
            break
    print("i", i)
