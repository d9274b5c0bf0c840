from contextlib import ExitStack


def handler(*exc):
    print('handler saw', exc[0].__name__)
    return True


with ExitStack() as stack:
    stack.push(handler)
    raise ValueError('x')
print('suppressed by the stack')
