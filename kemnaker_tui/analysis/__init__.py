"""The analysis: entities, aliases, dates, meetings, quotes, figures (no UI).

``kemnaker_tui.analysis.pipeline.analyse`` turns what the reader found into a ``Corpus``.
"""
