import io
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8")
t.write("héllo\n")
t.flush()
print(raw.getvalue())
print(t.encoding, t.buffer is raw)
