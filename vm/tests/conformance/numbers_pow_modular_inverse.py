print(pow(2, -1, 7), pow(3, -2, 10), pow(-3, -1, 7), pow(2, -1, -7), pow(5, -3, 2 ** 61 - 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
