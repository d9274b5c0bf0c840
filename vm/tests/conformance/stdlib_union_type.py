u = int | str
print(u, type(u).__name__, u.__args__)
print(int | None, u | float, (int | str) == (str | int), int | int)
import types; print(types.UnionType, isinstance(int | str, types.UnionType))
