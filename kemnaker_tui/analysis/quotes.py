"""Quotes and who said them.

A quote is text inside “…” or "…" (mixed marks, split quotes, a quote left
open to the end of its paragraph). Its speaker comes from the attribution
around it: a verb after the quote (kata, ujar, ungkap… and their -nya forms;
said, told…) or before it ("X mengatakan, “…”"). "-nya" means the last person
named before the quote.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kemnaker_tui.analysis.lexicon import Lexicon
from kemnaker_tui.model import Article, Span

_OPEN = "“„«"
_CLOSE = "”»"
_MIN_WORDS = 4
_MARKS = re.compile(r'[“„«”»"]')


@dataclass(frozen=True)
class PersonAt:
    start: int
    end: int
    entity_id: str
    name: str


@dataclass(frozen=True)
class FoundQuote:
    start: int
    end: int
    unterminated: bool
    speaker: PersonAt | None
    attribution: Span | None


def quote_id(article_key: str, start: int) -> str:
    return "q-" + hashlib.sha1(f"{article_key}:{start}".encode()).hexdigest()[:8]


class QuoteFinder:
    def __init__(self, lex: Lexicon) -> None:
        stems = sorted((re.escape(s) for s in lex.attribution_stems), key=len, reverse=True)
        prefixed = sorted((re.escape(s) for s in lex.attribution_prefixed), key=len, reverse=True)
        english = sorted((re.escape(s) for s in lex.attribution_english), key=len, reverse=True)
        self._after = re.compile(
            rf"^[\s,]*(?P<verb>(?:{'|'.join(stems)})(?P<nya>nya)?|{'|'.join(prefixed)}|{'|'.join(english)})\b(?P<rest>[^.!?\"“”]{{0,120}})",
            re.IGNORECASE)
        # "…," Takemi said. — the name before an English verb.
        self._after_name_first = re.compile(
            rf"^[\s,]*(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,3}})\s+(?:{'|'.join(english)})\b")
        self._before = re.compile(
            rf"\b(?P<verb>{'|'.join(prefixed)}|{'|'.join(stems)}|{'|'.join(english)}|bahwa|begini)\b(?P<mid>[^.!?\"“”]{{0,60}}?)\s*[,:]?\s*$",
            re.IGNORECASE)
        self._inner_attribution = re.compile(
            rf",\s*(?:{'|'.join(stems)})(?:nya)?\b[^\"“”]{{0,80}}$", re.IGNORECASE)

    def find(self, article: Article, people: list[PersonAt]) -> list[FoundQuote]:
        text = article.text
        spans = []
        for para in article.paragraphs:
            spans += self._quote_spans(text, para)
        out: list[FoundQuote] = []
        previous: FoundQuote | None = None
        for start, raw_end, unterminated, para in spans:
            start, end = _trim(text, start, raw_end)
            if len(text[start:end].split()) < _MIN_WORDS:
                continue
            speaker, attribution = self._speaker(text, start, raw_end, unterminated, para, people, previous)
            found = FoundQuote(start, end, unterminated, speaker, attribution)
            out.append(found)
            previous = found
        return out

    # ---- where the quotes are -----------------------------------------
    def _quote_spans(self, text: str, para: Span):
        spans = []
        open_at: int | None = None
        for mark in _MARKS.finditer(text, para.start, para.end):
            i, ch = mark.start(), mark.group(0)
            if ch in _OPEN:
                open_at = i
            elif ch in _CLOSE:
                if open_at is not None:
                    spans.append((open_at + 1, i, False, para))
                    open_at = None
            elif ch == '"':
                if open_at is not None:
                    spans.append((open_at + 1, i, False, para))
                    open_at = None
                else:
                    open_at = i
        if open_at is not None:
            # Left open to the end of the paragraph; an attribution inside ends it.
            start, end = open_at + 1, para.end
            m = self._inner_attribution.search(text, start, end)
            if m and m.start() > start:
                end = m.start()
            spans.append((start, end, True, para))
        return spans

    # ---- who said it --------------------------------------------------
    def _speaker(self, text, start, end, unterminated, para, people, previous):
        """``end`` is where the closing mark stands (or the cut of an open quote)."""
        close_at = end if unterminated else end + 1
        if unterminated:
            tail = text[end:para.end]
        else:
            tail = text[close_at:min(para.end, close_at + 160)]
        named_first = self._after_name_first.match(tail)
        if named_first:
            n_start, n_end = close_at + named_first.start("name"), close_at + named_first.end("name")
            named = [p for p in people if n_start <= p.start < n_end]
            if named:
                return named[0], Span(n_start, close_at + named_first.end())
        m = self._after.match(tail)
        if m:
            att = Span(close_at + m.start("verb"), close_at + m.end("verb"))
            if m.group("nya"):
                return self._last_person_before(people, start), att
            rest_start = close_at + m.start("rest")
            rest_end = close_at + m.end("rest")
            named = [p for p in people if rest_start <= p.start < rest_end]
            if named:
                return named[0], Span(att.start, named[0].end)
            return self._last_person_before(people, start), att
        # Before the quote: "Sekjen Anwar mengatakan, “…”", "kata Anwar, “…”".
        clause_start = max(para.start, start - 250)
        head = text[clause_start:start - 1]
        sentence_break = max(head.rfind(". "), head.rfind("” "), head.rfind('" '))
        if sentence_break >= 0:
            clause_start += sentence_break + 2
            head = text[clause_start:start - 1]
        mb = self._before.search(head)
        if mb:
            verb_at = clause_start + mb.start("verb")
            mid_start, mid_end = clause_start + mb.start("mid"), clause_start + mb.end("mid")
            named_after = [p for p in people if mid_start <= p.start < mid_end]
            if named_after:
                return named_after[0], Span(verb_at, named_after[0].end)
            named_before = [p for p in people if clause_start <= p.start < verb_at]
            if named_before:
                return named_before[-1], Span(named_before[-1].start, clause_start + mb.end("verb"))
            return self._last_person_before(people, start), Span(verb_at, clause_start + mb.end("verb"))
        if head.rstrip().endswith(":"):
            named_before = [p for p in people if clause_start <= p.start < start]
            if named_before:
                return named_before[-1], None
        # A continuing quote in the same paragraph keeps its speaker.
        if previous is not None and previous.speaker and previous.end >= para.start:
            return previous.speaker, previous.attribution
        return None, None

    @staticmethod
    def _last_person_before(people: list[PersonAt], pos: int) -> PersonAt | None:
        before = [p for p in people if p.end <= pos]
        return before[-1] if before else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
