class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls
        print("registered", name, cls.__name__)


class A(Plugin, name="alpha"):
    pass


class B(Plugin):
    pass


print(sorted(Plugin.registry))
try:
    class C(object, flag=1):
        pass
except TypeError as e:
    print(e)
