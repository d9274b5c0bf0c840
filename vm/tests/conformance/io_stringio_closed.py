import io
s = io.StringIO("x")
print(s.closed)
s.close()
print(s.closed)
for op in (s.read, s.getvalue, s.tell, lambda: s.write("a")):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
