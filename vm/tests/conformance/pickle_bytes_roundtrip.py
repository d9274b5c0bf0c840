# pickle.dumps returns bytes; bytes values pickle and load.
import pickle
data = {'raw': b'\x00\xffabc', 'arr': bytearray(b'xy'), 'n': [1, b'']}
p = pickle.dumps(data)
print(type(p), isinstance(p, bytes), len(p) > 0)
back = pickle.loads(p)
print(back == data, back, type(back['arr']))
print(pickle.loads(pickle.dumps(b'solo')), pickle.loads(pickle.dumps(bytearray(b'ba'))))
try:
    pickle.loads('not bytes')
except TypeError as e:
    print('TypeError:', e)
name = 'rc_tmp_pickle_bytes.txt'
with open(name, 'wb') as f:
    pickle.dump([b'file', 2], f)
with open(name, 'rb') as f:
    print(pickle.load(f))
