"""Which characters matched, and keyword-in-context snippets around them.

Highlights are found on the original text, so every span points at the
characters of ``Article.text``. A token is highlighted when it is one of the
index terms the query matched: the index expands each query word once (the
word, its stem forms, vocabulary words within its edit distance — RapidFuzz
OSA, a transposition costs 1, as in tantivy — or, for the word still being
typed, beginning with it, typos allowed) and hands the term set here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kemnaker_tui.model import Span
from kemnaker_tui.search.query import Query

_SPLIT = re.compile(r"([^\W_]+)").split
_WS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " ", "\u2028": " ", "\u2029": " "})


def max_edits(word: str) -> int:
    """Edit distance a query word tolerates: 0 up to 3 letters, 1 for 4–7, 2 for 8+."""
    n = len(word)
    return 0 if n < 4 else (1 if n < 8 else 2)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A keyword-in-context excerpt.

    ``text`` may start/end with "…" where it was cut; ``highlights`` are
    (start, end) offsets into ``text``; ``start`` is where ``text`` (after a
    leading "…") begins in ``Article.text`` (-1 when the snippet is the title
    given by the file's metadata, not found in the text). ``left``/``keyword``/
    ``right`` split ``text`` at its first highlight, for KWIC columns.
    """
    text: str
    highlights: tuple[tuple[int, int], ...]
    start: int
    left: str
    keyword: str
    right: str


class Matcher:
    """Finds the tokens of a text that the query matched.

    ``terms`` is the set of index terms the query's words expanded to (the
    word, its stem forms, its typo/prefix neighbours in the vocabulary), so a
    highlight is exactly a term tantivy matched. Tokens are found with one
    Aho–Corasick pass over the lower-cased text (C speed) and kept when they
    are whole tokens; phrases with a small regex each.
    """

    def __init__(self, terms, phrases=(), excluded=()) -> None:
        self.excluded = frozenset(excluded)
        self.terms = frozenset(t for t in terms if t and t not in self.excluded)
        self.phrases = [tuple(p) for p in phrases if p]
        self._auto = None
        self._phrase_res = None

    def matches(self, token: str) -> bool:
        return token.lower() in self.terms

    def _automaton(self):
        if self._auto is None:
            import ahocorasick
            auto = ahocorasick.Automaton()
            for t in self.terms:
                auto.add_word(t, len(t))
            if len(auto):
                auto.make_automaton()
                self._auto = auto
            else:
                self._auto = False
        return self._auto

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Matched (start, end) offsets within text[start:end], in order, merged."""
        if end is None:
            end = len(text)
        chunk = text[start:end]
        lower = chunk.lower()
        if len(lower) != len(chunk):         # a case mapping changed the length: token by token
            return self._slow_spans(text, start, end)
        before = start > 0 and text[start - 1].isalnum()     # a token cut by the range's edges
        after = end < len(text) and text[end].isalnum()
        out: list[tuple[int, int]] = []
        auto = self._automaton() if self.terms else False
        if auto:
            n = len(lower)
            for e, size in auto.iter(lower):
                s = e - size + 1
                e += 1
                if ((not lower[s - 1].isalnum()) if s else not before) and \
                        ((not lower[e].isalnum()) if e < n else not after):
                    out.append((s + start, e + start))
            if len(out) > 1:
                out.sort()
        if self.phrases:
            out = merge(out + [(s + start, e + start) for s, e in self._phrase_spans(lower, before, after)])
        return out

    def _phrase_spans(self, lower: str, before: bool, after: bool) -> list[tuple[int, int]]:
        if self._phrase_res is None:
            self._phrase_res = [_phrase_re(p) for p in self.phrases]
        found = []
        n = len(lower)
        for rx in self._phrase_res:
            for m in rx.finditer(lower):
                s, e = m.span()
                if ((not lower[s - 1].isalnum()) if s else not before) and \
                        ((not lower[e].isalnum()) if e < n else not after):
                    found.append((s, e))
        return found

    def _slow_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        chunk = text[start:end]
        out = []
        toks = [(m.start() + start, m.end() + start, m.group().lower()) for m in _WORD.finditer(chunk)]
        for s, e, t in toks:
            if t in self.terms:
                out.append((s, e))
        for p in self.phrases:
            k = len(p)
            for i in range(len(toks) - k + 1):
                if tuple(x[2] for x in toks[i:i + k]) == p:
                    out.append((toks[i][0], toks[i + k - 1][1]))
        return merge(out)


_WORD = re.compile(r"[^\W_]+")


def _phrase_re(phrase: tuple[str, ...]) -> re.Pattern:
    return _PHRASE_CACHE.get(phrase) or _PHRASE_CACHE.setdefault(
        phrase, re.compile(r"[\W_]+".join(re.escape(w) for w in phrase)))


_PHRASE_CACHE: dict[tuple[str, ...], re.Pattern] = {}


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out




def make_snippet(text: str, start: int, end: int, spans: list[tuple[int, int]] | tuple,
                 width: int = 180) -> Snippet:
    """A one-line excerpt of text[start:end] around the first match, at most ~width chars."""
    first = next(((s, e) for s, e in spans if start <= s and e <= end), None)
    a, b = start, end
    if b - a > width:
        if first is None:
            b = a + width
        else:
            left_room = max(20, (width - (first[1] - first[0])) // 3)
            a = max(start, first[0] - left_room)
            b = min(end, a + width)
            a = max(start, min(a, b - width))
        # do not cut words in half
        if a > start:
            sp = text.find(" ", a, first[0] if first else b)
            if sp != -1:
                a = sp + 1
        if b < end:
            sp = text.rfind(" ", first[1] if first else a, b)
            if sp != -1:
                b = sp
    lead = "…" if a > start else ""
    tail = "…" if b < end else ""
    flat = text[a:b].translate(_WS)          # one line, same length: offsets stay valid
    off = len(lead) - a
    highlights = [(s + off, e + off) for s, e in spans if s >= a and e <= b]
    snippet_text = lead + flat + tail
    if highlights:
        h0 = highlights[0]
        left, keyword, right = snippet_text[:h0[0]], snippet_text[h0[0]:h0[1]], snippet_text[h0[1]:]
    else:
        left, keyword, right = snippet_text, "", ""
    return Snippet(snippet_text, tuple(highlights), a, left, keyword, right)


def title_snippet(title: str, matcher: Matcher) -> Snippet:
    """A snippet of a title that is not in the article text (given by metadata)."""
    spans = matcher.spans(title, 0, len(title))
    snip = make_snippet(title, 0, len(title), spans)
    return Snippet(snip.text, snip.highlights, -1, snip.left, snip.keyword, snip.right)


def to_spans(pairs) -> tuple[Span, ...]:
    return tuple(Span(s, e) for s, e in pairs)
