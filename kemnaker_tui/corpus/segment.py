"""Split an article's body into paragraphs and sentences, skipping boilerplate.

Spans only: the text is never copied or changed, so offsets stay exact.
"""
from __future__ import annotations

import re

from kemnaker_tui.model import Span

# Tokens that end with a period without ending a sentence.
_ABBREVIATIONS = frozenset("""
dr drs dra prof ir h hj st no nomor jl bpk sdr sdri mr mrs ms jr co inc ltd corp tbk dll dsb dst
kab kec kel prov yth a.n u.p sen vs etc e.g i.e ph.d s.h s.e m.si m.m kh pt cv
""".split())

# A "sentence" longer than this (a scraped page with no punctuation, a one-line
# dump) is cut at spaces so every extractor's work stays linear.
MAX_SENTENCE = 1500

_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")


def _subtract(span: Span, holes: list[Span]) -> list[Span]:
    pieces = [span]
    for hole in holes:
        nxt = []
        for p in pieces:
            if not hole.overlaps(p.start, p.end):
                nxt.append(p)
                continue
            if p.start < hole.start:
                nxt.append(Span(p.start, hole.start))
            if hole.end < p.end:
                nxt.append(Span(hole.end, p.end))
        pieces = nxt
    return pieces


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def paragraphs(text: str, boilerplate: tuple[Span, ...], skip: tuple[Span, ...] = ()) -> list[Span]:
    """Non-empty lines, minus boilerplate (and ``skip``, e.g. the title line)."""
    holes = sorted(list(boilerplate) + list(skip), key=lambda s: s.start)
    out: list[Span] = []
    pos = 0
    first_hole = 0          # holes are swept in order with the lines: linear, not quadratic
    for line in text.splitlines(keepends=True):
        span = Span(pos, pos + len(line.rstrip("\r\n")))
        pos += len(line)
        while first_hole < len(holes) and holes[first_hole].end <= span.start:
            first_hole += 1
        here = []
        k = first_hole
        while k < len(holes) and holes[k].start < span.end:
            if holes[k].overlaps(span.start, span.end):
                here.append(holes[k])
            k += 1
        for piece in _subtract(span, here):
            trimmed = _trim(text, piece)
            if trimmed and any(ch.isalnum() for ch in text[trimmed.start:trimmed.end]):
                out.append(trimmed)
    return out


def sentences(text: str, paragraph: Span) -> list[Span]:
    out: list[Span] = []
    for span in _sentences(text, paragraph):
        while span.end - span.start > MAX_SENTENCE:
            cut = text.rfind(" ", span.start + MAX_SENTENCE // 2, span.start + MAX_SENTENCE)
            cut = cut if cut > span.start else span.start + MAX_SENTENCE
            head = _trim(text, Span(span.start, cut))
            if head:
                out.append(head)
            span = _trim(text, Span(cut, span.end)) or Span(span.end, span.end)
        if span.end > span.start:
            out.append(span)
    return out


def _sentences(text: str, paragraph: Span) -> list[Span]:
    out: list[Span] = []
    start = paragraph.start
    for m in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        word = re.search(r"(\S+)$", text[start:m.start()])
        token = word.group(1).lower().strip("(\"“") if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        trimmed = _trim(text, Span(start, m.end()))
        if trimmed:
            out.append(trimmed)
        start = m.end()
    trimmed = _trim(text, Span(start, paragraph.end))
    if trimmed:
        out.append(trimmed)
    return out
