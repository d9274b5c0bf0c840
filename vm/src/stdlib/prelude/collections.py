def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    nfields = len(field_names)
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    else:
        field_defaults = {}

    class _Tuple:
        _fields = field_names
        _field_defaults = field_defaults

        def __init__(self, *args, **kwargs):
            if len(args) > nfields:
                raise TypeError(f'{typename}.__new__() takes {nfields + 1} positional arguments but {len(args) + 1} were given')
            values = list(args)
            for name in field_names[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    missing = [n for n in field_names[len(values):] if n not in kwargs and n not in field_defaults]
                    names = ' and '.join(repr(n) for n in missing) if len(missing) <= 2 else ', '.join(repr(n) for n in missing[:-1]) + ', and ' + repr(missing[-1])
                    raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{'s' if len(missing) != 1 else ''}: {names}")
            if kwargs:
                name = next(iter(kwargs))
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
            self._values = tuple(values)
            for name, value in zip(field_names, values):
                setattr(self, name, value)

        @classmethod
        def _make(cls, iterable):
            return cls(*iterable)

        def _asdict(self):
            return dict(zip(self._fields, self._values))

        def _replace(self, **kwargs):
            values = [kwargs.pop(name, value) for name, value in zip(field_names, self._values)]
            if kwargs:
                raise ValueError(f'Got unexpected field names: {list(kwargs)!r}')
            return type(self)(*values)

        def __repr__(self):
            inner = ', '.join(f'{n}={v!r}' for n, v in zip(field_names, self._values))
            return f'{typename}({inner})'

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return nfields

        def __getitem__(self, index):
            return self._values[index]

        def __eq__(self, other):
            if hasattr(other, '_values'):
                return self._values == other._values
            return self._values == other

        def __ne__(self, other):
            return not self == other

        def __lt__(self, other):
            return self._values < (other._values if hasattr(other, '_values') else other)

        def __le__(self, other):
            return self._values <= (other._values if hasattr(other, '_values') else other)

        def __gt__(self, other):
            return self._values > (other._values if hasattr(other, '_values') else other)

        def __ge__(self, other):
            return self._values >= (other._values if hasattr(other, '_values') else other)

        def __hash__(self):
            return hash(self._values)

        def __add__(self, other):
            return self._values + tuple(other)

        def count(self, value):
            return self._values.count(value)

        def index(self, value):
            return self._values.index(value)

    _Tuple.__name__ = typename
    _Tuple.__qualname__ = typename
    return _Tuple
