# len() of ranges: an OverflowError once the length passes sys.maxsize.
import sys


def show_len(r):
    try:
        print(repr(r), len(r))
    except OverflowError as e:
        print(repr(r), "OverflowError:", e)


show_len(range(2**64))
show_len(range(-2**70, 2**70, 3**40))
show_len(range(2**100, 2**100 + 7))
show_len(range(2**100, 2**100 - 7, -3))
show_len(range(0, 2**64, 2**62))
show_len(range(2**64, 0))
# Ordinary ranges whose length does not fit in a signed 64-bit int.
show_len(range(-2**63, 2**63 - 1))
show_len(range(2**63 - 1, -2**63, -1))
show_len(range(-2**63, 2**63 - 1, 2))
show_len(range(0, sys.maxsize))
show_len(range(-1, sys.maxsize))
show_len(range(-2**63, 2**63 - 1, 2**62))
show_len(range(2**63 - 1, -2**63, -2**63))
# bool() and emptiness never need the length as a C integer.
print(bool(range(-2**63, 2**63 - 1)), bool(range(2**64)), bool(range(2**64, 2**64)))
print(len(range(sys.maxsize)) == sys.maxsize)
