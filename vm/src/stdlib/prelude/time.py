# The parts of `time` written in Python: `struct_time`, the calendar
# conversions (`gmtime`, `localtime`, `mktime`, `timegm`-style inverse),
# `strftime`, `asctime` and `ctime`. The VM runs in UTC: `localtime` is
# `gmtime`, `timezone` and `altzone` are 0. The current time comes from the
# recorded `time.time()`.

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")


class struct_time(tuple):
    __module__ = "time"
    _fields = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
               "tm_wday", "tm_yday", "tm_isdst")
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(
                "time.struct_time() takes an at least 9-sequence (%d-sequence given)"
                % len(seq))
        if len(seq) > 11:
            raise TypeError(
                "time.struct_time() takes an at most 11-sequence (%d-sequence given)"
                % len(seq))
        self = tuple.__new__(cls, seq[:9])
        extra = seq[9:] + (None,) * (11 - len(seq))
        object.__setattr__(self, "_extra", extra)
        return self

    @property
    def tm_zone(self):
        return self._extra[0]

    @property
    def tm_gmtoff(self):
        return self._extra[1]

    def __getattr__(self, name):
        try:
            return self[struct_time._fields.index(name)]
        except ValueError:
            raise AttributeError(
                "'time.struct_time' object has no attribute '%s'" % name) from None

    def __repr__(self):
        inner = ", ".join("%s=%r" % (n, v) for n, v in zip(struct_time._fields, self))
        return "time.struct_time(%s)" % inner

    def __reduce__(self):
        return (struct_time, (tuple(self), {}))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _isleap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def gmtime(secs=None):
    """The UTC calendar time of `secs` seconds since the epoch."""
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        secs = int(secs // 1)
    elif not isinstance(secs, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(secs).__name__)
    days, rem = divmod(secs, 86400)
    y, m, d = _civil_from_days(days)
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, wday,
                        yday, 0, "UTC", 0))


def localtime(secs=None):
    """The local calendar time: the VM runs in UTC."""
    return gmtime(secs)


def mktime(t):
    """Seconds since the epoch of the local (UTC) calendar time `t`."""
    t = tuple(t)
    if len(t) != 9:
        raise TypeError("mktime(): illegal time tuple argument")
    y, m, d, hh, mm, ss = t[:6]
    months, m0 = divmod(m - 1, 12)
    days = _days_from_civil(y + months, m0 + 1, 1) + d - 1
    return float(days * 86400 + hh * 3600 + mm * 60 + ss)


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
         "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


def _check(t):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("function takes exactly 9 arguments (%d given)" % len(t))
    return t


def strftime(format, t=None):
    """Formats the calendar time `t` (default: now) by `format`'s directives."""
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % type(format).__name__)
    t = _check(t)
    y, mon, d, hh, mm, ss, wd, yd = t[:8]
    if not 1 <= mon <= 12 and mon != 0:
        raise ValueError("month out of range")
    mon = mon or 1
    d = d or 1
    yd = yd or 1
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        if k == "Y":
            out.append(str(y))
        elif k == "m":
            out.append("%02d" % mon)
        elif k == "d":
            out.append("%02d" % d)
        elif k == "e":
            out.append("%2d" % d)
        elif k == "H":
            out.append("%02d" % hh)
        elif k == "I":
            out.append("%02d" % ((hh % 12) or 12))
        elif k == "M":
            out.append("%02d" % mm)
        elif k == "S":
            out.append("%02d" % ss)
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "C":
            out.append("%02d" % (y // 100))
        elif k == "j":
            out.append("%03d" % yd)
        elif k == "a":
            out.append(_DAYS[wd % 7][:3])
        elif k == "A":
            out.append(_DAYS[wd % 7])
        elif k in "bh":
            out.append(_MONTHS[mon - 1][:3])
        elif k == "B":
            out.append(_MONTHS[mon - 1])
        elif k == "p":
            out.append("AM" if hh < 12 else "PM")
        elif k == "w":
            out.append(str((wd + 1) % 7))
        elif k == "u":
            out.append(str(wd + 1))
        elif k == "Z":
            out.append("UTC")
        elif k == "z":
            out.append("+0000")
        elif k == "n":
            out.append("\n")
        elif k == "t":
            out.append("\t")
        elif k == "%":
            out.append("%")
        elif k == "D" or k == "x":
            out.append("%02d/%02d/%02d" % (mon, d, y % 100))
        elif k == "T" or k == "X":
            out.append("%02d:%02d:%02d" % (hh, mm, ss))
        elif k == "R":
            out.append("%02d:%02d" % (hh, mm))
        elif k == "F":
            out.append("%d-%02d-%02d" % (y, mon, d))
        elif k == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (
                _DAYS[wd % 7][:3], _MONTHS[mon - 1][:3], d, hh, mm, ss, y))
        else:
            out.append("%" + k)
    return "".join(out)


def asctime(t=None):
    """`t` (default: now) as 'Sun Jun 20 23:21:05 1993'."""
    t = _check(t)
    return "%s %s %2d %02d:%02d:%02d %d" % (
        _DAYS[t[6] % 7][:3], _MONTHS[t[1] - 1][:3], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    """`asctime(localtime(secs))`."""
    return asctime(localtime(secs))
