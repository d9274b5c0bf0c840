big = 2 ** 200
print(big)
print(big * big - 1)
print(-big // 7, -big % 7, big // -7, big % -7)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(divmod(-17, 5), divmod(17, -5))
print(3 ** 100 // 2 ** 100, 10 ** 30 + 1, -(10 ** 25))
fact = 1
for i in range(1, 31):
    fact *= i
print(fact, len(str(fact)))
print(big >> 190, 1 << 100, big & (2 ** 100 - 1), (big - 1) & 0xFF, ~big)
print(int("123456789012345678901234567890") * 3, int("-ff", 16), int("0b1011", 0))
print(big == 2.0 ** 200, big > 1e60, abs(-big) == big, hex(2 ** 70), bin(37), oct(64))
print((2 ** 64).bit_length(), 7 / 2, 2 ** -2, pow(2, 100, 1000), round(big, -58))
