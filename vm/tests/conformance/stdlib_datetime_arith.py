import datetime

d = datetime.date(2020, 1, 31) + datetime.timedelta(days=1)
print(d, d.isoformat(), d.weekday())
print(datetime.timedelta(hours=25), datetime.timedelta(minutes=-1))
print(datetime.datetime(2021, 3, 4, 5, 6, 7) - datetime.datetime(2021, 3, 1))
