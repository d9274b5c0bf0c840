def make(subject):
    match subject:
        case {"name": name, "tags": [*tags]}:
            pass
        case _:
            name, tags = "?", []

    def describe():
        return f"{name} with {len(tags)} tags"

    return describe


print(make({"name": "x", "tags": ["a", "b"]})())
print(make(5)())


class Config:
    match {"debug": True}:
        case {"debug": flag}:
            DEBUG = flag


print(Config.DEBUG, Config.flag)
