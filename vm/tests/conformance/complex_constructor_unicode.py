print(complex("\N{EM SPACE}(\N{EN SPACE}1+1j ) "), complex("\u0661\u0662j"), complex(" 3 "))
try:
    complex("\u3053\u3093")
except ValueError as e:
    print(e)
