def parse(items):
    for item in items:
        yield int(item)


total = 0
for n in parse(["1", "2", "three", "4"]):
    print("got", n)
    total += n
print(total)
