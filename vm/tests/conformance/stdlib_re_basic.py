import re

print(re.findall(r"\d+", "a1 b22 c333"))
m = re.match(r"(?P<word>\w+) (\d+)", "hello 42 rest")
print(m.group("word"), m.group(2), m.span(), m.groupdict())
print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"))
print(re.split(r"[,;]\s*", "x, y;z ,w"))
print(bool(re.fullmatch(r"[a-z]+", "abc")), re.search(r"z", "abc"))
pat = re.compile(r"(a|b)+", re.IGNORECASE)
print(pat.pattern, pat.findall("ABab c"), [m.start() for m in pat.finditer("ab ba")])
