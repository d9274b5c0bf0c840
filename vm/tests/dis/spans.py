# Columns count characters, not bytes.
s = "héllo"; t = s[1:3]
value = (s
         + t)
n = len(s) + t.count("l") * 2
é = n // 2
