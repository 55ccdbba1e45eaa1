"""What every format reader shares: the error it raises and how it reads an
optional field of a record."""
from __future__ import annotations


class FormatError(ValueError):
    """The file's content does not follow its format; the message says where."""


def text_field(value) -> str | None:
    """A record's optional string field: a non-blank string, else None."""
    return value if isinstance(value, str) and value.strip() else None
