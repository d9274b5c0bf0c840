class ConfigError(ValueError):
    def __init__(self, key):
        super().__init__(f"bad key {key!r}")
        self.key = key


def load():
    raise ConfigError("port")


load()
