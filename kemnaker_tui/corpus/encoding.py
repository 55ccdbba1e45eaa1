"""Turn a file's bytes into text: UTF-8 (BOM or not), UTF-16 with BOM, else a
legacy 8-bit fallback (reported). Binary data is refused with a reason."""
from __future__ import annotations

import codecs
import re

# Bytes that never appear in real text files (NUL and C0 controls except
# tab, LF, VT, FF, CR, ESC — ESC can occur in terminal captures).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


class NotText(ValueError):
    """The bytes are not a text document (binary, image, archive…)."""


def decode(data: bytes) -> tuple[str, str, str | None]:
    """Return (text, encoding, warning or None)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            raise NotText(f"broken UTF-16 ({exc.reason})") from exc
    sample = data[:65536]
    if sample:
        controls = sum(sample.count(bytes([b])) for b in _CONTROL)
        if controls / len(sample) > 0.05:
            raise NotText("binary data (not a text file)")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    # Legacy Windows/Latin text: cp1252 is a superset of latin-1's printable
    # range; bytes it leaves undefined fall back to latin-1 so nothing is lost.
    try:
        text = data.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        enc = "latin-1"
    return text, enc, f"not UTF-8; read as {enc}"


# -- HTML: the charset the page declares -------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


def declared_charset(data: bytes, content_type: str | None = None) -> tuple[str | None, str | None]:
    """The encoding an HTML page declares and where: (codec name, "BOM" | "HTTP header" | "<meta>").

    Order as browsers do it: a BOM, then the HTTP Content-Type header (kept in a
    fetched page's sidecar), then a ``<meta charset>`` or ``http-equiv`` in the
    first 4 kB. An unknown name counts as no declaration."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "BOM"
    candidates = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m:
            candidates.append((m.group(1), "HTTP header"))
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append((m.group(1).decode("ascii", "replace"), "<meta>"))
    for name, where in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        # As WHATWG says: latin-1 and ascii labels mean windows-1252 (its superset).
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"
        return codec, where
    return None, None


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str, str | None]:
    """An HTML page's text: (text, encoding, warning or None). The declared
    charset when there is one; else UTF-8, else windows-1252 (reported)."""
    codec, where = declared_charset(data, content_type)
    if codec:
        if codec == "utf-8-sig" or codec == "utf-16":
            return decode(data)
        text = data.decode(codec, errors="replace")
        warning = None
        if "\ufffd" in text and codec == "utf-8":
            # A page saying UTF-8 that is not: what it really is wins over what it says.
            try:
                text, codec = data.decode("cp1252"), "cp1252"
                warning = f"declared UTF-8 ({where}) but is not; read as cp1252"
            except UnicodeDecodeError:
                pass
        return text, codec, warning
    return decode(data)
