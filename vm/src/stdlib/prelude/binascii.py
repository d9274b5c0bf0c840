# binascii: hex, base64 and CRC conversions between binary data and ASCII,
# with CPython's errors. (Not yet: uu and quoted-printable.)


class Error(ValueError):
    __module__ = "binascii"


class Incomplete(Exception):
    __module__ = "binascii"


_HEX = "0123456789abcdef"
_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(_B64)}


def _bytes_in(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_in(data):
    if isinstance(data, str):
        if not all(ord(ch) < 128 for ch in data):
            raise ValueError("string argument should contain only ASCII characters")
        return data.encode("ascii")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError(
        "argument should be bytes, buffer or ASCII string, not '%s'" % type(data).__name__
    )


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bytes_in(data)
    digits = [_HEX[b >> 4] + _HEX[b & 15] for b in data]
    if sep is None or not data:
        return "".join(digits).encode("ascii")
    if isinstance(sep, str):
        sep = sep.encode("ascii")
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    sep = sep.decode("latin-1")
    step = abs(bytes_per_sep)
    if step == 0:
        return "".join(digits).encode("ascii")
    groups = []
    if bytes_per_sep > 0:
        first = len(digits) % step or step
        groups.append("".join(digits[:first]))
        for i in range(first, len(digits), step):
            groups.append("".join(digits[i:i + step]))
    else:
        for i in range(0, len(digits), step):
            groups.append("".join(digits[i:i + step]))
    return sep.join(groups).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    data = _ascii_in(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    out = bytearray()
    for i in range(0, len(data), 2):
        try:
            out.append(int(data[i:i + 2].decode("ascii"), 16))
        except ValueError:
            raise Error("Non-hexadecimal digit found") from None
        hi, lo = data[i], data[i + 1]
        if hi in b"+- _" or lo in b"+- _":
            raise Error("Non-hexadecimal digit found")
    return bytes(out)


a2b_hex = unhexlify


def b2a_base64(data, *, newline=True):
    data = _bytes_in(data)
    out = bytearray()
    for i in range(0, len(data) - len(data) % 3, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes([_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]])
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes([_B64[n >> 18], _B64[(n >> 12) & 63]]) + b"=="
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes([_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63]]) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, /, *, strict_mode=False):
    data = _ascii_in(data)
    out = bytearray()
    quad_pos = 0
    left = 0
    pads = 0
    padding_started = False
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    for i, ch in enumerate(data):
        if ch == 61:  # '='
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < len(data):
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64_VALUE.get(ch)
        if v is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            left = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((left << 2) | (v >> 4)) & 255)
            left = v & 15
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((left << 4) | (v >> 2)) & 255)
            left = v & 3
        else:
            quad_pos = 0
            out.append(((left << 6) | v) & 255)
            left = 0
    if quad_pos == 1:
        raise Error(
            "Invalid base64-encoded string: number of data characters (%d) cannot be "
            "1 more than a multiple of 4" % (len(out) // 3 * 4 + 1)
        )
    if quad_pos:
        raise Error("Incorrect padding")
    return bytes(out)


def _crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC32 = _crc32_table()


def crc32(data, value=0):
    data = _bytes_in(data)
    crc = ~value & 0xFFFFFFFF
    table = _CRC32
    for b in data:
        crc = table[(crc ^ b) & 255] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, value):
    data = _bytes_in(data)
    crc = value & 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
