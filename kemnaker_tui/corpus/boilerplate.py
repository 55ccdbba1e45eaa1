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
    r"""^\s*\(?(?:                                        # "(Reporting by …; Editing by …)" too
        (?:baca|simak|lihat|cek)\s+(?:juga|pula)\b      # related-article links
      | artikel\s+terkait\b | berita\s+terkait\b | related\s*:
      | (?:redaktur|reporter|editor|penulis|pewarta|kontributor|penyunting|
           sumber|foto|caption|fotografer|videografer|writer|author)\s*:   # credits
      | laporan\s+(?:wartawan|reporter|koresponden)\b | reporting\s+by\b     # bylines
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

# A header line built around a publication date, with a byline, an outlet or a time
# beside it: "Warta.id - 12/03/2019, 10:15 WIB" · "RedakturX - Rabu, 5 Juni 2019
# 08:40 WIB" · "SELASA, 14 MEI 2019 | 11:02 WIB | LAPORAN: NAMA" · "Wed, 09/10/2019 - 07:55".
_HEADER_DATE = re.compile(
    r"(?<![\w/])(?:\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}"
    r"|\d{1,2},\s+[A-Za-z]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?![\w/])")
_HEADER_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.m\.|(?:WIB|WITA|WIT|JST|UTC|GMT|AM|PM)\b))?",
                          re.IGNORECASE)
_HEADER_LABELS = frozenset("""diterbitkan dipublikasikan published updated diperbarui posted dibuat oleh by laporan
penulis reporter editor wartawan wib wita wit jst utc gmt am pm at on pukul""".split())
# Lines this far from the top may be a header.
HEADER_LINES = 8


def is_date_header(line: str) -> bool:
    """A short line whose substance is a date: a byline or outlet may stand before
    it, a time and a capitalised credit after it, but no sentence."""
    if len(line) > 140:
        return False
    m = _HEADER_DATE.search(line)
    if not m:
        return False
    before = _HEADER_TIME.sub(" ", line[:m.start()])
    after = _HEADER_TIME.sub(" ", line[m.end():])
    words_before = [w for w in re.findall(r"[^\W\d_]+", before) if w.lower() not in _HEADER_LABELS]
    words_after = [w for w in re.findall(r"[^\W\d_]+", after) if w.lower() not in _HEADER_LABELS]
    if len(words_before) > 4 or len(words_after) > 4:
        return False
    # After the date, only capitalised credits ("| LAPORAN: NAMA"): a lower-case word is a sentence.
    if any(w[:1].islower() for w in words_after):
        return False
    # Before it, a weekday, a byline or an outlet, closed by a separator (or nothing at all).
    stripped = before.strip()
    return not stripped or stripped[-1] in "-–—|:•·," or len(words_before) <= 1


def is_noise_line(line: str) -> bool:
    """A line that is boilerplate by its own words (a credit, a byline, a related link):
    never an article's title, wherever it was found."""
    return bool(_LINE_START.match(line) or _DATE_HEADER.match(line))


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
    seen = 0
    for line in text.splitlines(keepends=True):
        start, content = pos, line.rstrip("\r\n")
        pos += len(line)
        if not content.strip():
            continue
        end = start + len(content)
        seen += 1
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
        header = seen <= HEADER_LINES and is_date_header(content)
        if _LINE_START.match(content) or _DATE_HEADER.match(content) or caption or header:
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
