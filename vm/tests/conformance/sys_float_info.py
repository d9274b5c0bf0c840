import sys

print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.float_info.mant_dig, sys.float_info[0] == sys.float_info.max)
print(sys.float_info)
