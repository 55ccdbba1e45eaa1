"""Reading files into articles: formats, encodings, cleaning, metadata (no UI)."""
from kemnaker_tui.corpus.reader import ReadResult, bundled_corpus_path, read_paths

__all__ = ["ReadResult", "bundled_corpus_path", "read_paths"]
