class Root:
    def __init__(self, **kw):
        print("Root", sorted(kw))
        super().__init__()


class Left(Root):
    def __init__(self, left=0, **kw):
        print("Left", left)
        super().__init__(**kw)


class Right(Root):
    def __init__(self, right=0, **kw):
        print("Right", right)
        super().__init__(**kw)


class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom")
        super().__init__(**kw)


Bottom(left=1, right=2, extra=3)
