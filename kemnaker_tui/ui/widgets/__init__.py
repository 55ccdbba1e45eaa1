"""Panes and widgets of the explorer."""
