for a, b in [(1j, 2j), (1j, 1), (1, 1j), (1.5, 2j)]:
    try:
        a < b
    except TypeError as e:
        print(e)
try:
    sorted([1j, 2j])
except TypeError as e:
    print(e)
try:
    max(1j, 2j)
except TypeError as e:
    print(e)
