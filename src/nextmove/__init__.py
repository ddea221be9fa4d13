"""nextmove: strategize your next career move."""

__version__ = "0.1.0"
