# Late built-in classes are attributes of builtins and survive rebinding.
import builtins
print(builtins.ResourceWarning is ResourceWarning, builtins.TimeoutError.__name__)
print(getattr(builtins, "EncodingWarning").__qualname__, hasattr(builtins, "NoSuchWarning"))
try:
    NoSuchWarning
except NameError as e:
    print(e)
BytesWarning = 5
print(BytesWarning, builtins.BytesWarning.__name__)
