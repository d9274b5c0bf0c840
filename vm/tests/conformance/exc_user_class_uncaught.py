class ConfigError(Exception):
    pass


def load(name):
    raise ConfigError(f"cannot load {name}")


load("settings.ini")
