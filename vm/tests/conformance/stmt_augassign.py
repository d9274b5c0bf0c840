x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
x <<= 4
x |= 3
x &= 0b110111
x ^= 0xFF
x >>= 1
print(x)
f = 7.0
f /= 2
print(f)
s = "ab"
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(alias, alias is lst)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
d = {"k": [0]}
d["k"][0] += 9
d["n"] = d.get("n", 0) + 1
print(d)
