from contextlib import nullcontext

with nullcontext() as x:
    print(x)
with nullcontext('value') as y:
    print(y)
