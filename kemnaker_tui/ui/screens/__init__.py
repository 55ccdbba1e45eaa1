"""Screens pushed over the main screen; ``escape`` pops each one."""
