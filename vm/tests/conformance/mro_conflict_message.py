class A:
    pass


class B(A):
    pass


try:
    class X(A, B):
        pass
except TypeError as e:
    print(e)


class P:
    pass


class Q:
    pass


class R(P, Q):
    pass


class S(Q, P):
    pass


try:
    class T(R, S):
        pass
except TypeError as e:
    print(e)
