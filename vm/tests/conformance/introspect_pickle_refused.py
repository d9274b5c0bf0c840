import pickle, weakref, sys, copy
class C: pass
c = C()
r = weakref.ref(c)
try:
    pickle.dumps(r)
except Exception as e:
    print(type(e).__name__, e)
try:
    pickle.dumps(sys._getframe())
except Exception as e:
    print(type(e).__name__, e)
def g():
    yield 1
gg = g()
try:
    pickle.dumps(gg.gi_code)
except Exception as e:
    print(type(e).__name__, e)
r2 = copy.deepcopy(r)
print(r2 is r, copy.copy(r) is r)
import pickle
try:
    1/0
except Exception as e:
    try:
        pickle.dumps(e.__traceback__)
    except TypeError as t:
        print(t)
