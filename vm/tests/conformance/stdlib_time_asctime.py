# time.asctime and mktime over fixed tuples.
import time
for t in [(2024, 2, 29, 13, 5, 9, 3, 60, 0), (1999, 12, 31, 23, 59, 59, 4, 365, 0), (2000, 1, 1, 0, 0, 0, 5, 1, 0)]:
    print(time.asctime(t), time.mktime(t), time.gmtime(time.mktime(t))[:6] == t[:6])
st = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0))
print(st, st.tm_year, st[1], st.tm_zone)
try:
    time.asctime((1, 2))
except TypeError as e:
    print(e)
