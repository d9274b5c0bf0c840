# time's calendar half: struct_time, gmtime, localtime, mktime, asctime,
# ctime and strftime in the C locale. The local time zone is taken to be
# UTC (reading the machine's zone would be one more outside input), so
# localtime() equals gmtime().

import sys as _sys

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


class struct_time(_sys._structseq):
    __module__ = "time"
    _prefix = "time."
    _fields = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
               "tm_wday", "tm_yday", "tm_isdst")
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __init__(self, values):
        values = tuple(values)
        if not 9 <= len(values) <= 11:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(values))
        extra = values[9:] + (None, None)[len(values) - 9:]
        object.__setattr__(self, "_values", values[:9])
        object.__setattr__(self, "_extra", extra)

    def __getattr__(self, name):
        if name == "tm_zone":
            return self._extra[0]
        if name == "tm_gmtoff":
            return self._extra[1]
        return _sys._structseq.__getattr__(self, name)

    def __reduce__(self):
        return (struct_time, (self._values, {}))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _secs(secs):
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        secs = int(secs // 1)
    elif not isinstance(secs, int):
        idx = getattr(type(secs), "__index__", None)
        if idx is None and getattr(type(secs), "__float__", None) is None:
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
        secs = int(secs)
    if abs(secs) > 67767976233316800:
        raise OverflowError("timestamp out of range for platform time_t")
    return secs


def gmtime(secs=None):
    secs = _secs(secs)
    days, rem = divmod(secs, 86400)
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    y += m <= 2
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0, "GMT", 0))


def localtime(secs=None):
    t = gmtime(secs)
    return struct_time(t._values + (tzname[0], 0))


def _tuple(t, fname):
    if isinstance(t, struct_time):
        return tuple(t._values)
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % fname)
    return t


def mktime(t):
    y, m, d, hh, mi, ss = _tuple(t, "mktime")[:6]
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return float(_days_from_civil(y, m, 1) + d - 1) * 86400 + hh * 3600 + mi * 60 + ss


def _checked(t, fname="strftime"):
    t = list(_tuple(t, fname))
    for i, v in enumerate(t):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    y, m, d, hh, mi, ss, wd, yd, dst = t
    if m == 0:
        m = 1
    elif not 1 <= m <= 12:
        raise ValueError("month out of range")
    if d == 0:
        d = 1
    elif not 1 <= d <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hh <= 23:
        raise ValueError("hour out of range")
    if not 0 <= mi <= 59:
        raise ValueError("minute out of range")
    if not 0 <= ss <= 61:
        raise ValueError("seconds out of range")
    # C keeps the sign of a remainder: Sunday-based, as CPython checks it.
    sun = abs(wd + 1) % 7 * (1 if wd + 1 >= 0 else -1)
    if sun < 0:
        raise ValueError("day of week out of range")
    wd = (sun + 6) % 7
    if yd == 0:
        yd = 1
    elif not 1 <= yd <= 366:
        raise ValueError("day of year out of range")
    if dst < -1:
        dst = -1
    elif dst > 1:
        dst = 1
    return y, m, d, hh, mi, ss, wd, yd, dst


def _iso_week(y, yd, wd):
    # ISO 8601 year and week of a date given its year, day of year (1-based)
    # and weekday (Monday 0).
    week = (yd - wd + 9) // 7
    if week < 1:
        y -= 1
        yd += 366 if _leap(y) else 365
        week = (yd - wd + 9) // 7
    elif week == 53:
        ylen = 366 if _leap(y) else 365
        if yd - wd + 3 > ylen:
            y += 1
            week = 1
    return y, week


def _format(fmt, t, zone, gmtoff):
    y, m, d, hh, mi, ss, wd, yd, dst = t
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == "a":
            out.append(_DAYS[wd][:3])
        elif k == "A":
            out.append(_DAYS[wd])
        elif k in "bh":
            out.append(_MONTHS[m - 1][:3])
        elif k == "B":
            out.append(_MONTHS[m - 1])
        elif k == "c":
            out.append(_format("%a %b %e %H:%M:%S %Y", t, zone, gmtoff))
        elif k == "C":
            out.append("%02d" % (y // 100))
        elif k == "d":
            out.append("%02d" % d)
        elif k == "D":
            out.append(_format("%m/%d/%y", t, zone, gmtoff))
        elif k == "e":
            out.append("%2d" % d)
        elif k == "F":
            out.append(_format("%Y-%m-%d", t, zone, gmtoff))
        elif k in "gG":
            iy = _iso_week(y, yd, wd)[0]
            out.append("%02d" % (iy % 100) if k == "g" else str(iy))
        elif k == "H":
            out.append("%02d" % hh)
        elif k == "I":
            out.append("%02d" % ((hh + 11) % 12 + 1))
        elif k == "j":
            out.append("%03d" % yd)
        elif k == "k":
            out.append("%2d" % hh)
        elif k == "l":
            out.append("%2d" % ((hh + 11) % 12 + 1))
        elif k == "m":
            out.append("%02d" % m)
        elif k == "M":
            out.append("%02d" % mi)
        elif k == "n":
            out.append("\n")
        elif k == "p":
            out.append("AM" if hh < 12 else "PM")
        elif k == "P":
            out.append("am" if hh < 12 else "pm")
        elif k == "r":
            out.append(_format("%I:%M:%S %p", t, zone, gmtoff))
        elif k == "R":
            out.append(_format("%H:%M", t, zone, gmtoff))
        elif k == "s":
            out.append(str(int(mktime(t)) - gmtoff))
        elif k == "S":
            out.append("%02d" % ss)
        elif k == "t":
            out.append("\t")
        elif k == "T":
            out.append(_format("%H:%M:%S", t, zone, gmtoff))
        elif k == "u":
            out.append(str(wd + 1))
        elif k == "U":
            out.append("%02d" % ((yd - 1 + 7 - (wd + 1) % 7) // 7))
        elif k == "V":
            out.append("%02d" % _iso_week(y, yd, wd)[1])
        elif k == "w":
            out.append(str((wd + 1) % 7))
        elif k == "W":
            out.append("%02d" % ((yd - 1 + 7 - wd) // 7))
        elif k == "x":
            out.append(_format("%m/%d/%y", t, zone, gmtoff))
        elif k == "X":
            out.append(_format("%H:%M:%S", t, zone, gmtoff))
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "Y":
            out.append(str(y))
        elif k == "z":
            sign = "-" if gmtoff < 0 else "+"
            a = abs(gmtoff) // 60
            out.append("%s%02d%02d" % (sign, a // 60, a % 60))
        elif k == "Z":
            out.append(zone)
        elif k == "%":
            out.append("%")
        else:
            out.append("%" + k)
    return "".join(out)


def strftime(format, t=None, /):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    if t is None:
        t = localtime()
    zone = getattr(t, "tm_zone", None) if isinstance(t, struct_time) else None
    gmtoff = getattr(t, "tm_gmtoff", None) if isinstance(t, struct_time) else None
    return _format(format, _checked(t), zone or tzname[0], gmtoff or 0)


def asctime(t=None, /):
    if t is None:
        t = localtime()
    y, m, d, hh, mi, ss, wd, yd, dst = _checked(t, "asctime")
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[wd][:3], _MONTHS[m - 1][:3], d, hh, mi, ss, y)


def ctime(secs=None, /):
    return asctime(localtime(secs))
