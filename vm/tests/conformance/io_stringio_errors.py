import io
s = io.StringIO()
for f in (lambda: s.write(1), lambda: io.StringIO(b"x"), lambda: s.seek(-1),
          lambda: s.seek(1, 1), lambda: s.seek(0, 5), lambda: s.truncate(-2),
          lambda: io.StringIO(newline="x")):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
