import sys

print(sys.int_info)
print(sys.int_info.bits_per_digit, tuple(sys.int_info))
