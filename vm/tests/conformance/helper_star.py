__all__ = ["shown", "_private_listed"]
shown = 1
hidden = 2
_private_listed = 3
