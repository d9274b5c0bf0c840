import traceback, sys


def inner(x):
    return 1 / x


def outer():
    return inner(0)


try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_lineno, tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    text = traceback.format_exc()
    print(text, end="")
    print(traceback.format_exception_only(e))
    print("".join(traceback.format_exception(e)) == text)
    print(len(traceback.format_exception(e)))
    traceback.print_exc()
print(ValueError("x").__traceback__)
print(traceback.format_exc(), end="")
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("wrapped")
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
