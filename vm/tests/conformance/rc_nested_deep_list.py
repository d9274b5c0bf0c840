root = []
cur = root
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur = nxt = None
root = None
print("ok")
