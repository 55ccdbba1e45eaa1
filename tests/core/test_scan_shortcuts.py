"""Shortcuts the analysis takes for speed give exactly what the plain way gives:
the second pass's capitalised tokens, and one automaton pass per article."""
from __future__ import annotations

import random

from kemnaker_tui.analysis.entities import _TOKEN
from kemnaker_tui.analysis.lexicon import Matcher
from kemnaker_tui.analysis.resolve import capital_tokens
from kemnaker_tui.model import Span


def _plain_capital_tokens(text, start, end):
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)
            if m.group(0)[:1].isupper()]


def test_capital_tokens_cut_as_the_tokenizer_does():
    # letters of both cases, joiners (_ ' ’), punctuation, digits, accented and non-Latin letters
    alphabet = "aAbZ _'’(),;:.-\n1ÉéŌō中x"
    rng = random.Random(11)
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert list(capital_tokens(text, start, end)) == _plain_capital_tokens(text, start, end), (text, start, end)


def test_capital_tokens_on_a_sentence():
    text = "Menaker Budi bertemu O'Brien dan __Ayu di Ōsaka; hasilnya 2024Baik, bukan dua_Kali."
    assert [t for _s, _e, t in capital_tokens(text, 0, len(text))] == \
        [t for _s, _e, t in _plain_capital_tokens(text, 0, len(text))] == ["Menaker", "Budi", "O'Brien", "Ayu", "Ōsaka"]


def _sentences(text: str, rng: random.Random) -> list[Span]:
    cuts = sorted({0, len(text), *(rng.randint(0, len(text)) for _ in range(rng.randint(0, 5)))})
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        gap = rng.randint(0, 1)          # sometimes a character between sentences
        if a + gap < b:
            spans.append(Span(a + gap, b))
    return spans


def test_find_each_equals_find_span_by_span():
    entries = {w: w for w in ["rapat", "rapat kerja", "kerja", "dua", "dua puluh", "puluh", "temu", "Temu Kerja"]}
    rng = random.Random(5)
    words = ["rapat", "Rapat", "kerja", "dua", "puluh", "temunya", "temu", "x", ".", "RAPAT", "kerjalah"]
    for lower in (True, False):
        matcher = Matcher(entries, lower=lower)
        for _ in range(3000):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
            spans = _sentences(text, rng)
            assert matcher.find_each(text, spans) == [matcher.find(text, s.start, s.end) for s in spans], \
                (text, spans)


def test_find_each_with_overlapping_spans_falls_back():
    matcher = Matcher({"rapat kerja": 1, "kerja": 2}, lower=True)
    text = "rapat kerja hari ini"
    spans = [Span(0, 11), Span(6, 20)]
    assert matcher.find_each(text, spans) == [matcher.find(text, 0, 11), matcher.find(text, 6, 20)]
