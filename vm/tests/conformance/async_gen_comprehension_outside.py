src = 'def f():\n    return [x async for x in y]\n'
try:
    compile(src, 'm', 'exec')
except SyntaxError as e:
    print(e.msg)
