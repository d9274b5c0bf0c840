src = '''
async def ag():
    yield from [1, 2]
'''
try:
    compile(src, 'm', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno)
