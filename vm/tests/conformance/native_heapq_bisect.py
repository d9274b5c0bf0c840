# _heapq and _bisect: the C halves of heapq and bisect
import _heapq
import _bisect

h = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    _heapq.heappush(h, x)
print(h, _heapq.heappop(h), _heapq.heappushpop(h, 0), _heapq.heapreplace(h, 7), h)
data = [9, 3, 7, 1]
_heapq.heapify(data)
print(data, [_heapq.heappop(data) for _ in range(4)])
try:
    _heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
a = [1, 2, 2, 4]
print(_bisect.bisect_left(a, 2), _bisect.bisect_right(a, 2), _bisect.bisect_right(a, 3), _bisect.bisect_left(a, 2, 2))
_bisect.insort_right(a, 3)
_bisect.insort_left(a, 0)
print(a, _bisect.bisect_right(a, 10, 0, 3))
print(_bisect.bisect_left([("a", 1), ("b", 2)], 2, key=lambda p: p[1]))
