def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("parse failed")


parse("abc")
