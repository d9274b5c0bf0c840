import queue

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.get(), q.qsize(), q.empty())
p = queue.PriorityQueue()
for x in [3, 1, 2]:
    p.put(x)
print([p.get() for _ in range(3)])
s = queue.LifoQueue()
s.put("a")
s.put("b")
print(s.get())
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("empty")
