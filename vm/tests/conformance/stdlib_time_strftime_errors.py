# time.strftime checks its time tuple as CPython does.
import time
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 25, 0, 0, 0, 1, 0),
            (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -1, 1, 0),
            (2024, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2), "x"]:
    try:
        print(time.strftime("%Y", bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(time.strftime("%m %d %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
