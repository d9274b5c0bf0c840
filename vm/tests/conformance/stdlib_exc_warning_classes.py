# Every built-in warning category, with its place in the hierarchy.
names = ["Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning",
         "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning",
         "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning"]
import builtins
for n in names:
    c = getattr(builtins, n)
    print(n, c.__name__, c.__module__, [b.__name__ for b in c.__mro__])
