"""Find boilerplate in a news text: related-article links, credit lines, photo
captions, share/newsletter prompts, trailing reporter initials.

Boilerplate is *marked* as spans, never deleted: offsets stay valid, views dim
it, search and extraction skip it.
"""
from __future__ import annotations

import re

from kemnaker_tui.model import Span

# A whole line is boilerplate when it starts with one of these.
_LINE_START = re.compile(
    r"""^\s*(?:
        (?:baca|simak|lihat|cek)\s+(?:juga|pula)\b      # related-article links
      | artikel\s+terkait\b | berita\s+terkait\b | related\s*:
      | (?:redaktur|reporter|editor|penulis|pewarta|kontributor|penyunting|
           sumber|foto|caption|fotografer|videografer|writer|author)\s*:   # credits
      | (?:silakan|silahkan)\s+baca\b                   # "Silakan baca konten menarik lainnya"
      | (?:dapatkan|ikuti|follow)\b.{0,80}\b(?:google\s+news|whatsapp|telegram|instagram|channel)
      | dapatkan\s+(?:update|info|informasi)\s+berita\b | baca\s+berita\s+tanpa\s+iklan\b   # outlet promos
      | (?:terpopuler|terkini|populer|rekomendasi|tags?\s*:|topik\s*:|advertisement|
           scroll\s+to\s+continue|halaman\s+(?:selanjutnya|berikutnya)|copyright|©)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A line that is only a date/time header, e.g. "Rabu, 29 November 2023 – 09:40 WIB".
_DATE_HEADER = re.compile(
    r"^\s*(?:(?:diterbitkan|dipublikasikan|published|updated|diperbarui)\s*:?\s*)?(?:[A-Z][a-z]+,\s*)?"
    r"(?:\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})"
    r"(?:\s*[-–—|,]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|JST|UTC|GMT))?)?\s*$", re.IGNORECASE
)

# Photo captions: a line carrying a "Foto:" / "(Foto: …)" credit.
_CAPTION = re.compile(r"(?:\bFoto\s*:|\bFOTO\s*:|\(Foto\b|\bPhoto\s*:|\bIlustrasi\s*:|/\s*Foto\b)")

_MAX_CAPTION = 400

# Credit codes at the end of a paragraph: "(mrk/jpnn)", "(ant)", "(mcr-", "(*)".
_TRAILING_CREDIT = re.compile(r"\s*\((?:[a-z*][a-z0-9*]{0,11}[/\-]?){1,4}\)?\s*$")
# Reporter initials glued after the last sentence: `…," imbuhnya. jk`
_TRAILING_INITIALS = re.compile(r"(?<=[.!?\"”’])\s+(?:[a-z]{2,4}(?:/[a-z]{2,6})?)\s*$")
# A headline-only line following a bare "Baca juga:" line.
_BARE_LINK = re.compile(r"^\s*(?:baca|simak|lihat)\s+(?:juga|pula)\s*:?\s*$", re.IGNORECASE)


def find_boilerplate(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = 0
    previous_was_bare_link = False
    for line in text.splitlines(keepends=True):
        start, content = pos, line.rstrip("\r\n")
        pos += len(line)
        if not content.strip():
            continue
        end = start + len(content)
        if previous_was_bare_link:
            spans.append(Span(start, end))
            previous_was_bare_link = False
            continue
        if _BARE_LINK.match(content):
            previous_was_bare_link = True
            spans.append(Span(start, end))
            continue
        # A caption is a short line; a long line holding "Foto:" is a paragraph that cites one.
        caption = len(content) <= _MAX_CAPTION and _CAPTION.search(content)
        if _LINE_START.match(content) or _DATE_HEADER.match(content) or caption:
            spans.append(Span(start, end))
            continue
        tail = _TRAILING_CREDIT.search(content)
        if tail and tail.start() > 0:
            spans.append(Span(start + tail.start(), end))
            content = content[: tail.start()]
            end = start + len(content)
        initials = _TRAILING_INITIALS.search(content)
        if initials:
            spans.append(Span(start + initials.start(), end))
    return tuple(spans)
