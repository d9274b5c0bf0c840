# string.Template substitute / safe_substitute and custom delimiters.
import string
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="tim"))
print(t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("oops $").substitute()
except ValueError as e:
    print("ValueError", e)
class Percent(string.Template):
    delimiter = "%"
print(Percent("%x and %{y}").substitute({"x": 1}, y=2))
