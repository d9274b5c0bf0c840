def items():
    try:
        for i in range(10):
            print("yield", i)
            yield i
    finally:
        print("generator finally")


for x in items():
    if x == 2:
        break
print("done")
