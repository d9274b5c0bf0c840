__all__ = ["inner", "VALUE"]
VALUE = "rel"
