"""One reader per file format, chosen by content as well as by suffix.

Text formats take ``(path, key, text, encoding)``; byte formats (HTML, PDF),
which find their own encoding, take ``(path, key, data, origin)``. A reader
returns a list of RawDocuments, or ``(documents, problems)`` for a collection
whose bad records are reported one by one; it raises FormatError for a file
it cannot use. A reader may add a third list, warnings about a file it did read
(a page that says UTF-8 and is not).

To support a new format, add a module here and register it in ``READERS``
under its suffixes (and in ``BYTE_READERS`` if it reads bytes).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from kemnaker_tui.corpus.formats.base import FormatError
from kemnaker_tui.corpus.formats.jsonl import read_jsonl
from kemnaker_tui.corpus.formats.plain import read_plain
from kemnaker_tui.corpus.formats.tabular import read_csv, read_json_array


def read_html(path, key, data, origin=None):
    """.html / .htm (lxml and trafilatura are imported only when a page is read)."""
    from kemnaker_tui.corpus.formats.html import read_html as read
    return read(path, key, data, origin)


def read_pdf(path, key, data, origin=None):
    """.pdf (pypdf is imported only when a PDF is read)."""
    from kemnaker_tui.corpus.formats.pdf import read_pdf as read
    return read(path, key, data, origin)


Reader = Callable[..., object]
READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".markdown": read_plain,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".json": read_json_array,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".pdf": read_pdf,
}
# Readers given the file's bytes (they decode it themselves) rather than its text.
BYTE_READERS = {read_html, read_pdf}

# The largest file each format reads, in bytes. One article in a file is never
# this big (a bigger .txt is a dump, not an article); a collection format holds
# a whole corpus (100,000 articles in JSON lines are ~300 MB), so its limit is
# what memory allows rather than what an article is. A saved page with its
# images inlined reaches a few MB; 20 MB of HTML is a dump or a bomb.
ARTICLE_FILE_LIMIT = 256 * 1024 * 1024
SIZE_LIMITS: dict[str, int] = {
    ".jsonl": 4 * 1024 * 1024 * 1024,
    ".csv": 2 * 1024 * 1024 * 1024,
    ".json": 1024 * 1024 * 1024,
    ".html": 20 * 1024 * 1024, ".htm": 20 * 1024 * 1024, ".xhtml": 20 * 1024 * 1024,
    ".pdf": 50 * 1024 * 1024,
}

_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])",
                         re.IGNORECASE | re.DOTALL)


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file show, whatever its name: ".pdf", ".html" or None."""
    if head.lstrip()[:5] == b"%PDF-":
        return ".pdf"
    if _HTML_START.match(head[:2048]):
        return ".html"
    return None


def choose(suffix: str, head: bytes) -> tuple[str | None, str | None]:
    """(the format to read the file as, a note when it is not what the name says)."""
    seen = sniff(head)
    if seen and seen not in (suffix, ".htm" if seen == ".html" else None) and \
            not (seen == ".html" and suffix in (".htm", ".xhtml")):
        if suffix in READERS:
            return seen, f"named {suffix} but holds {seen[1:].upper()}; read as {seen[1:].upper()}"
        return seen, None                 # "article.php", "page" with no suffix: a saved page
    if suffix in READERS:
        if suffix == ".pdf" and seen is None:
            return suffix, None           # the PDF reader says why it is not one
        return suffix, None
    return None, None


__all__ = ["ARTICLE_FILE_LIMIT", "BYTE_READERS", "FormatError", "READERS", "SIZE_LIMITS", "choose",
           "read_csv", "read_html", "read_json_array", "read_jsonl", "read_pdf", "read_plain", "sniff"]
