src = '''
async def ag():
    yield 1
    return 5
'''
try:
    compile(src, 'm', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno)
