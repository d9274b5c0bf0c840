class P:
    __slots__ = ("x", "y")


class Q(P):
    __slots__ = "w"


q = Q()
q.w = 1
q.y = 2
print(q.w, q.y)
try:
    q.other = 1
except AttributeError as e:
    print(e)


class Open(P):
    pass


o = Open()
o.anything = 1
o.x = 2
print(o.anything, o.x, "anything" in o.__dict__)
