import sys


def f():
    raise KeyError("k")


try:
    f()
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    print(tb.tb_next.tb_next)
    print(v.__traceback__.tb_lineno)
print(sys.exc_info())
