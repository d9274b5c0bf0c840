data = [("add", 2, 3), ("neg", 5), ("div", 1, 0), ("div", 9, 3)]
for op in data:
    match op:
        case ("add", a, b) if (s := a + b) > 4:
            print("big sum", s)
        case ("neg", a):
            print("neg", -a)
        case ("div", _, 0):
            print("division by zero avoided")
        case ("div", a, b):
            print("quotient", a // b)
