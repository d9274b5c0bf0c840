# _string: the parsers behind string.Formatter, following the rules of
# CPython's format-string reader (literal text, then one replacement field).


def _parse_field(s, i, n):
    # Reads a field after its '{'; returns (field_name, format_spec,
    # conversion, next index).
    start = i
    c = None
    while i < n:
        c = s[i]
        i += 1
        if c == "{":
            raise ValueError("unexpected '{' in field name")
        if c == "[":
            while i < n and s[i] != "]":
                i += 1
            continue
        if c in "}:!":
            break
    else:
        if c is None or c not in "}:!":
            raise ValueError("expected '}' before end of string")
    name = s[start:i - 1]
    if c == "}":
        return name, "", None, i
    conversion = None
    if c == "!":
        if i >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = s[i]
        i += 1
        if i < n:
            c = s[i]
            i += 1
            if c == "}":
                return name, "", conversion, i
            if c != ":":
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    count = 1
    while i < n:
        c = s[i]
        i += 1
        if c == "{":
            count += 1
        elif c == "}":
            count -= 1
            if count == 0:
                return name, s[spec_start:i - 1], conversion, i
    raise ValueError("unmatched '{' in format spec")


def _parser(s):
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = None
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = i >= n
        end = i
        if c == "}" and markup and (at_end or s[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == "{" and markup:
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[i] == c:
                i += 1
                markup = False
            else:
                end -= 1
        literal = s[start:end]
        if not markup:
            yield (literal, None, None, None)
            continue
        name, spec, conversion, i = _parse_field(s, i, n)
        yield (literal, name, spec, conversion)


def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_parser' for 'str' objects doesn't apply to a '%s' object" % type(s).__name__)
    return _parser(s)


def _as_key(text):
    if text and all("0" <= ch <= "9" for ch in text):
        return int(text)
    return text


def _rest(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == ".":
            start = i
            while i < n and s[i] not in ".[":
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield (True, s[start:i])
        elif c == "[":
            start = i
            while i < n and s[i] != "]":
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = s[start:i]
            if not key:
                raise ValueError("Empty attribute in format string")
            i += 1
            if i < n and s[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            yield (False, _as_key(key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def formatter_field_name_split(s):
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_field_name_split' for 'str' objects doesn't apply to a '%s' object" % type(s).__name__)
    i = 0
    n = len(s)
    while i < n and s[i] not in ".[":
        i += 1
    return _as_key(s[:i]), _rest(s, i)
