import io
b = io.BytesIO()
for f in (lambda: b.write("s"), lambda: io.BytesIO("s"), lambda: b.seek(-1),
          lambda: b.seek(0, 3), lambda: b.truncate(-1), lambda: b.read("x")):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
b.close()
try:
    b.getvalue()
except ValueError as e:
    print("ValueError", e)
