# namedtuple's pattern: eval a lambda in a namespace dict; the function's
# __globals__ is that dict and __module__ its __name__.
namespace = {"_tuple_new": tuple, "__name__": "namedtuple_Point"}
new = eval("lambda _cls, x, y: _tuple_new((x, y))", namespace)
print(new.__name__, new.__module__, new(None, 1, 2), new.__globals__ is namespace)
print(sorted(namespace))
