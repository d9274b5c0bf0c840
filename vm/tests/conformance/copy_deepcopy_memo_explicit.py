# copy.deepcopy(x, memo) with a dict of the program's own: entries in it
# are honoured and the copies made are added to it.
import copy

inner = [1, 2]
outer = [inner, {"k": inner}, (inner, 5)]

# An empty dict is filled: each copied object's id maps to its copy.
memo = {}
c = copy.deepcopy(outer, memo)
print(memo[id(outer)] is c, memo[id(inner)] is c[0], memo[id(outer[1])] is c[1])
print(memo[id(outer[2])] is c[2], c[0] is c[1]["k"] is c[2][0])
# Atoms are not recorded; the keep-alive list holds the originals.
print(id(5) in memo, id("k") in memo)
keep = memo[id(memo)]
print(type(keep).__name__, len(keep), any(o is outer for o in keep), any(o is inner for o in keep))
print(len(memo))

# The same memo again: the copy is the one recorded.
print(copy.deepcopy(outer, memo) is c, copy.deepcopy(inner, memo) is c[0])

# A pre-filled entry makes the object shared (or replaced).
memo2 = {id(inner): inner}
d = copy.deepcopy(outer, memo2)
print(d[0] is inner, d[1]["k"] is inner, d[2][0] is inner, d is not outer)
memo3 = {id(inner): "replaced"}
print(copy.deepcopy(outer, memo3))
memo4 = {id(outer): "whole"}
print(copy.deepcopy(outer, memo4))

# The top level with an empty dict, and memo given by keyword.
print(copy.deepcopy(outer, {}) == outer, copy.deepcopy(outer, memo={})[0] is not inner)
print(copy.deepcopy(outer, None) == outer)

# Atoms are looked up too.
print(copy.deepcopy(7, {id(7): "seven"}), copy.deepcopy("s", {}))

# A memo that is not a dict.
for bad in ([], 3, "memo"):
    try:
        copy.deepcopy(outer, bad)
    except Exception as e:
        print(type(e).__name__, e)
