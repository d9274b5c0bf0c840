import datetime

d = datetime.datetime(2024, 2, 29, 13, 5, 9)
print(d.isoformat(), repr(d.date()), d.weekday())
print(datetime.date.fromisoformat("2023-12-31").toordinal())
print(d.replace(year=2025, day=28) - d)
print(datetime.timedelta(days=1, seconds=5).total_seconds())
