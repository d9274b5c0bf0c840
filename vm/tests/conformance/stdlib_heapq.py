import heapq

h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, [4, 9, 1, 7]))
data = [9, 3, 6]
heapq.heapify(data)
print(data[0], heapq.heappushpop(data, 1), heapq.heapreplace(data, 10))
print(data)
