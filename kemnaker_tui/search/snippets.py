"""Which characters matched, and keyword-in-context snippets around them.

Highlights are recomputed on the original text with the same tokenizer as the
index, so every span points at the characters of ``Article.text``. A token
matches a query word when it is the word, one of its stem forms, within the
word's edit distance (RapidFuzz OSA: a transposition costs 1, as in tantivy),
or — for the word still being typed — begins with it (typos allowed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kemnaker_tui.model import Span
from kemnaker_tui.search.query import Query

_SPLIT = re.compile(r"([^\W_]+)").split
_WS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " ", "\u2028": " ", "\u2029": " "})


_OSA = None


def _osa():
    global _OSA
    if _OSA is None:
        from rapidfuzz.distance import OSA
        _OSA = OSA
    return _OSA


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
    """Decides, once per distinct token, whether it matches the query."""

    def __init__(self, query: Query, stem_forms: dict[str, tuple[str, ...]]) -> None:
        self.exact: set[str] = set()
        self.fuzzy: list[tuple[str, int, bool]] = []
        last = query.last_term if query.prefix_last else None
        for group in query.groups:
            for w in group:
                self.exact.add(w)
                self.exact.update(stem_forms.get(w, ()))
                k = max_edits(w)
                is_prefix = w == last and group is query.groups[-1]
                if k or is_prefix:
                    self.fuzzy.append((w, k, is_prefix))
        self.excluded = set(query.excludes)
        self.phrases = [p for p in query.phrases if p]
        self.phrase_words = {w for p in self.phrases for w in p}
        self._cache: dict[str, bool] = {}

    def matches(self, token: str) -> bool:
        hit = self._cache.get(token)
        if hit is None:
            hit = self._cache[token] = self._decide(token)
        return hit

    def _decide(self, token: str) -> bool:
        if token in self.excluded:
            return False
        if token in self.exact:
            return True
        OSA = _osa()
        n = len(token)
        for word, k, is_prefix in self.fuzzy:
            m = len(word)
            if is_prefix:
                if n < m - k:
                    continue
                if token.startswith(word):
                    return True
                if k and any(OSA.distance(word, token[:j], score_cutoff=k) <= k
                             for j in range(max(1, m - k), min(n, m + k) + 1)):
                    return True
            elif k and abs(n - m) <= k and OSA.distance(word, token, score_cutoff=k) <= k:
                return True
        return False

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Matched (start, end) offsets within text[start:end], in order."""
        chunk = text[start:end]
        lower = chunk.lower()
        if len(lower) != len(chunk):           # a case mapping changed the length: keep offsets exact
            lower = chunk
        parts = _SPLIT(lower)                  # [sep, word, sep, word, ..., sep]
        cache = self._cache
        decide = self._decide
        out: list[tuple[int, int]] = []
        pos = start
        is_word = False
        for part in parts:
            if is_word:
                hit = cache.get(part)
                if hit is None:
                    key = part if part.islower() or not part.isalpha() else part.lower()
                    hit = cache[part] = decide(key)
                if hit:
                    out.append((pos, pos + len(part)))
            pos += len(part)
            is_word = not is_word
        if self.phrases:
            found = []
            words, offsets = [], []
            pos = start
            is_word = False
            for part in parts:
                if is_word:
                    words.append(part.lower())
                    offsets.append((pos, pos + len(part)))
                pos += len(part)
                is_word = not is_word
            for phrase in self.phrases:
                n = len(phrase)
                first = phrase[0]
                for i in range(len(words) - n + 1):
                    if words[i] == first and tuple(words[i:i + n]) == phrase:
                        found.append((offsets[i][0], offsets[i + n - 1][1]))
            out = merge(out + found)
        return out


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
