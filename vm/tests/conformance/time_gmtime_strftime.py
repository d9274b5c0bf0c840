import time
t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t[1], t.tm_yday, len(t))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %p", t))
print(time.asctime(t))
print(time.mktime(time.gmtime(86400 * 365)) if time.timezone == 0 else 31536000.0)
print(time.gmtime(-86400)[:6])
