class Bad:
    def __init__(self):
        return 1


try:
    Bad()
except TypeError as e:
    print(e)
