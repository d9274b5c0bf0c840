class Base:
    @property
    def label(self):
        return "base"


class Child(Base):
    @property
    def label(self):
        return "child+" + super().label


print(Child().label)
