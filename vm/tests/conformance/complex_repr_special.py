inf = float("inf")
nan = float("nan")
for z in [complex(nan, inf), complex(inf, -inf), complex(-inf, nan), complex(0, nan), complex(nan, 0)]:
    print(z)
print([1j, (1 + 1j, 2j)], {"k": -2j})
