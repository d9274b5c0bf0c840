def handle(exc):
    match exc:
        case KeyError(args=(key,)):
            return f"missing key {key!r}"
        case ValueError() | TypeError() as e:
            return f"bad value: {e}"
        case OSError():
            return "os"
        case Exception(args=args):
            return f"other {type(exc).__name__} {args}"


for e in [KeyError("k"), ValueError("v"), TypeError("t"), RuntimeError("r", 2)]:
    print(handle(e))
