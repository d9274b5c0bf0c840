import graphlib

ts = graphlib.TopologicalSorter({3: [2], 2: [1], 4: [1]})
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
ts.add(1, 2)
ts.add(2, 1)
try:
    ts.prepare()
except graphlib.CycleError as e:
    print(e.args[0])
