class C:
    @property
    def size(self):
        "The size."
        return 3

    @property
    def nodoc(self):
        return 4


print(C.size.__doc__)
print(C.nodoc.__doc__)
print(C().size, C().nodoc)
