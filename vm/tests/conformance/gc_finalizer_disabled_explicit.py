import gc

gc.disable()
log = []


def gen(tag):
    try:
        yield tag
    finally:
        log.append(tag)


for i in range(5):
    box = [gen(i)]
    box.append(box)
    next(box[0])
del box
print("before collect", log)
gc.collect()
print("after collect", sorted(log))
print(gc.isenabled())
gc.enable()
