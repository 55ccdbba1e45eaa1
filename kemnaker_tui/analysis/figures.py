"""Figures: counts, targets and amounts, with Indonesian and English number
forms (52.440 · 2,5 · 100 ribu · 1,2 juta · 85,415 · 2.5 thousand · Rp1,2 triliun),
the unit noun after them and the sentence they stand in. Years, dates, clock
times, ordinals and law numbers are not figures; boilerplate is never read."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kemnaker_tui.analysis.lexicon import Lexicon
from kemnaker_tui.model import Article, Span

_NUMBER = re.compile(
    r"(?:(?<=Rp)|(?<=Rp\.)|(?<![\w.,/:\-]))(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\w/:]|[.,]\d|-an\b)")
_WORD_AFTER = re.compile(r"\s*(?P<word>%|[^\W\d_][\w\-]*)")
_FUNCTION_WORDS = frozenset("""dan atau yang di ke dari pada untuk dengan sebesar lebih dalam oleh itu ini
adalah ialah akan telah sudah juga saja lagi per atas bagi hingga sampai antara sekitar kali orangnya
and or the of to in for with on at by than from more less fewer over about around some""".split())


# Words between a number and its noun: "2.500 more workers", "100 new trainees".
_MODIFIERS = frozenset("more additional new extra lagi baru tambahan".split())


@dataclass(frozen=True)
class FoundFigure:
    value: float
    unit: str | None
    start: int
    end: int
    sentence: Span


def figure_id(article_key: str, start: int) -> str:
    return "f-" + hashlib.sha1(f"{article_key}:{start}".encode()).hexdigest()[:8]


def parse_number(raw: str, language: str, has_multiplier: bool) -> float | None:
    """The value of a number as printed, by the conventions of the article's language."""
    try:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
            if language == "en" and raw.count(".") == 1 and "," not in raw:
                return float(raw)                           # 2.500 in English: a decimal
            return float(raw.replace(".", "").replace(",", "."))
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
            if language == "id" and raw.count(",") == 1 and "." not in raw and has_multiplier:
                return float(raw.replace(",", "."))         # 1,250 juta: a decimal
            return float(raw.replace(",", ""))              # 85,415 orang: thousands
        if "," in raw:
            return float(raw.replace(",", "."))             # 2,5
        return float(raw)
    except ValueError:
        return None


class FigureFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        currencies = sorted((re.escape(c) for c in lex.currency), key=len, reverse=True)
        self._currency_before = re.compile(rf"(?:{'|'.join(currencies)})\s?$", re.IGNORECASE)

    def find(self, article: Article, dates: list[Span]) -> list[FoundFigure]:
        text = article.text
        out: list[FoundFigure] = []
        for sentence in article.sentences:
            for m in _NUMBER.finditer(text, sentence.start, sentence.end):
                s, e = m.start("num"), m.end("num")
                if any(d.start <= s < d.end for d in dates):
                    continue
                found = self._figure(text, article.language, sentence, s, e)
                if found:
                    out.append(found)
        return out

    def _figure(self, text: str, language: str, sentence: Span, s: int, e: int) -> FoundFigure | None:
        raw = text[s:e]
        before = text[max(sentence.start, s - 25):s]
        prev_word = re.search(r"([\w.\-]+)\s*$", before)
        prev = prev_word.group(1).lower() if prev_word else ""
        if prev in self.lex.not_before or prev.endswith("ke-") or before.endswith(("ke-", "#", "No.", "No. ")):
            return None
        currency = self._currency_before.search(before)
        end = e
        multiplier = 1.0
        unit = None
        after = _WORD_AFTER.match(text, end, sentence.end)
        if after and after.group("word").lower() in self.lex.multipliers:
            multiplier = self.lex.multipliers[after.group("word").lower()]
            end = after.end()
            after = _WORD_AFTER.match(text, end, sentence.end)
        if after and after.group("word").lower() in _MODIFIERS:
            after = _WORD_AFTER.match(text, after.end(), sentence.end) or after
        if after:
            word = after.group("word")
            low = word.lower()
            if low in self.lex.not_units:
                return None
            if word == "%" or low in ("persen", "percent", "per cent"):
                unit, end = "persen", after.end()
            elif low not in _FUNCTION_WORDS and word[:1].islower() and len(word) >= 2:
                unit, end = low, after.end()
        is_year = re.fullmatch(r"(19|20)\d\d", raw) is not None
        if is_year and multiplier == 1.0 and currency is None and unit not in ("persen",):
            return None
        value = parse_number(raw, language, multiplier != 1.0)
        if value is None:
            return None
        if currency:
            unit = currency.group(0).strip()
            s = currency.start() + max(sentence.start, s - 25)
        return FoundFigure(value * multiplier, unit, s, end, sentence)
