# str.format_map reads names from a mapping, calling __missing__.
print("{name} is {age:>4} years".format_map({"name": "Ann", "age": 7}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b!r} {c.real}".format_map(Default(a=1, c=2)))
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
try:
    "{0}".format_map({})
except ValueError as e:
    print("ValueError", e)
