import heapq

words = ["pear", "fig", "banana", "kiwi"]
print(heapq.nlargest(2, words, key=len))
print(heapq.nsmallest(2, words, key=len))
print(heapq.nsmallest(1, words), heapq.nlargest(10, [3, 1, 2]))
