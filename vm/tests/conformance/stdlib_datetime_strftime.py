# datetime / date / time strftime and format specs.
import datetime
d = datetime.datetime(2023, 3, 5, 14, 7, 9, 123456)
print(d.strftime("%Y/%m/%d %H-%M-%S %a %b %j %p %f"), f"{d:%y%m%d %I%p}")
print(d.date().strftime("%A %d %B %Y"), d.ctime(), d.date().ctime())
print(datetime.date(2020, 1, 1).strftime("%U %W %V %G %u %w"), datetime.time(9, 5, 3).strftime("%I:%M:%S %p"))
print(repr(d.strftime("%Z|%z")), d.timetuple())
tz = datetime.timezone(datetime.timedelta(hours=-5, minutes=-30), "XYZ")
print(d.replace(tzinfo=tz).strftime("%Z %z"), format(d, ""))
