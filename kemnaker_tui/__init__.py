"""kemnaker_tui: a keyboard-first terminal explorer for Kemnaker–Japan news."""
__version__ = "0.1.0"
