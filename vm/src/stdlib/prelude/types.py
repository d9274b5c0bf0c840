def _g():
    yield


GeneratorType = type(_g())
FunctionType = type(_g)
LambdaType = FunctionType
ModuleType = type(__import__('sys'))
BuiltinFunctionType = type(len)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
del _C


class SimpleNamespace:
    def __init__(self, /, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ("{}={!r}".format(k, v) for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return "{}({})".format(name, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented
