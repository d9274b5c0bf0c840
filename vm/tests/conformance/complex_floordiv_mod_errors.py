for expr in ["1j // 2", "2 // 1j", "1j % 2", "2.5 % 1j", "divmod(1j, 2)", "divmod(2, 1j)"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
