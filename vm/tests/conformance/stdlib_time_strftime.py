# time.strftime in the C locale: every common directive.
import time
fmt = "%a %A %b %B %c|%C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %r %R %S %T %u %U %V %w %W %x %X %y %Y %% %Q"
for s in [0, 951782400, 1700000000, 1704067199, 1735603200]:
    print(time.strftime(fmt, time.gmtime(s)))
print(time.strftime("%Y-%m-%d %H:%M:%S %j %U %W %V %G", (2024, 12, 31, 23, 59, 60, 1, 366, 0)))
print(time.strftime("%Z", time.gmtime(0)))
