"""Turn a file's bytes into text: UTF-8 (BOM or not), UTF-16 with BOM, else a
legacy 8-bit fallback (reported). Binary data is refused with a reason."""
from __future__ import annotations

import codecs

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
