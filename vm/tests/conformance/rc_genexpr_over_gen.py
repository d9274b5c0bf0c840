def source():
    try:
        for i in range(5):
            yield i
    finally:
        print("source finally")


doubled = (x * 2 for x in source())
print(next(doubled), next(doubled))
print("dropping genexpr")
del doubled
print("after drop")
