# time.gmtime: struct_time fields, indexing and asctime.
import time
for s in [0, 86399, 951782400, 1700000000, -1, -86400 * 400, 4102444800, 1234567890.9]:
    t = time.gmtime(s)
    print(t, t.tm_zone, t.tm_gmtoff, t[0], t[-1], len(t), tuple(t)[:3])
    print(time.asctime(t), time.mktime(t) == s // 1)
