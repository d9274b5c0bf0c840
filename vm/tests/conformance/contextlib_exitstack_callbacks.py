from contextlib import ExitStack

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    print('body')
print('done')
