from contextlib import ExitStack, contextmanager


@contextmanager
def res(n):
    print('open', n)
    yield n
    print('close', n)


with ExitStack() as stack:
    a = stack.enter_context(res('a'))
    later = stack.pop_all()
print('stack exited; a still open')
later.close()
