"""Figures: counts, targets and amounts, with Indonesian and English number
forms (52.440 · 2,5 · 100 ribu · 1,2 juta · 85,415 · 2.5 thousand · Rp1,2 triliun)
and number words (dua · lima tahun · Dua ribu · nine months · two-year), the unit
noun phrase after them, the sentence they stand in and who claimed them.

Years, dates, clock times, ordinals, law numbers, ages beside a name, street and
page numbers and reading-time widgets are not figures; boilerplate is never read.
A figure repeated in the article (the same value of ten or more) is listed once.
Who claimed it: the speaker of the quote it stands in, else the person (else the
organisation) a sentence attributes it to ("kata X", "menurut X", "according to X").
"""
from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

from kemnaker_tui.analysis.lexicon import DATA, Lexicon, Matcher
from kemnaker_tui.analysis.positions import ByStart
from kemnaker_tui.model import Article, Span

_NUMBER = re.compile(
    r"(?:(?<=Rp)|(?<=Rp\.)|(?<![\w.,/:\-]))(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\w/:]|[.,]\d|-an\b)")
_WORD_AFTER = re.compile(r"\s*(?P<word>%|[^\W\d_][\w\-]*)")
_FUNCTION_WORDS = frozenset("""dan atau yang di ke dari pada untuk dengan sebesar lebih dalam oleh itu ini
adalah ialah akan telah sudah juga saja lagi per atas bagi hingga sampai antara sekitar kali orangnya
and or the of to in for with on at by than from more less fewer over about around some""".split())

# Units of time after "satu"/"one": the only nouns a lone "one" is counted with mid-sentence.
_TIME_UNITS = frozenset("tahun bulan hari minggu pekan jam menit year years month months day days week weeks "
                        "hour hours".split())
# An age beside a name: "Wulan, 23, …" · "Rizal (20) asal Kendari".
_AGE_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s*(?:,\s*|\(\s*)$")
_AGE_AFTER = re.compile(r"^\s*(?:,|\))")
# A street address: "Jl. Gatot Subroto 51", "Jalan Merdeka Barat No 3".
_STREET_BEFORE = re.compile(r"\b(?:Jl\.?|Jalan|Street|St\.|Avenue|Ave\.?)\s+(?:[A-Z][\w.'’-]*\s+){0,4}$")
# A time figure that only points at a moment: "lima tahun lalu", "two years ago".
_RELATIVE_AFTER = re.compile(r"\s+(?:yang\s+)?(?:lalu|silam|sebelumnya|kemudian|ago|later|earlier)\b",
                             re.IGNORECASE)
# "empat orang itu": a figure already told, pointed at again.
_POINTED_AGAIN = re.compile(r"\s+(?:itu|ini|tersebut|these|those)\b", re.IGNORECASE)
# Junk glued into a paragraph: "…,” kata X.***4***".
_GLUED_JUNK = re.compile(r"[*#@|]")

# Words that attribute a figure to its source when no quote does ("menurut data BPS").
_SOURCE_WORDS = re.compile(r"\b(?:menurut|according to|data|catatan|mencatat|mencatatkan|melaporkan|reported|"
                           r"recorded|figures from|laporan)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def number_words() -> dict:
    """The [numbers] section of data/language.toml."""
    with open(DATA / "language.toml", "rb") as handle:
        return tomllib.load(handle)["numbers"]


@dataclass(frozen=True)
class FoundFigure:
    value: float
    unit: str | None
    start: int
    end: int
    sentence: Span
    claimed_by: str | None = None
    claimed_by_id: str | None = None
    why: str = ""
    unsure: bool = False


def figure_id(article_key: str, start: int) -> str:
    return "f-" + hashlib.sha1(f"{article_key}:{start}".encode()).hexdigest()[:8]


def parse_number(raw: str, language: str, has_multiplier: bool, count: bool = False) -> float | None:
    """The value of a number as printed, by the conventions of the article's language.

    ``count``: the unit is a count of things (workers, peserta): "12.450 workers" in
    English is then twelve thousand, a decimal count being no count at all."""
    try:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
            if language == "en" and raw.count(".") == 1 and "," not in raw and not count:
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


def words_value(words: Sequence[str], units: dict[str, float], scales: dict[str, float]) -> float | None:
    """The value of number words: "dua puluh lima" 25, "dua belas" 12, "tiga ratus ribu"
    300,000, "twenty-five" 25, "two hundred" 200."""
    total, current = 0.0, 0.0
    seen = False
    for w in words:
        w = w.lower()
        if w in units:
            current += units[w]
            seen = True
        elif w == "belas":
            current += 10                                  # dua belas: 2 + 10
        elif w in scales:
            scale = scales[w]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        else:
            return None
    return total + current if seen else None


class FigureFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        data = number_words()
        self._units = {k.lower(): float(v) for k, v in data["units"].items()}
        self._scales = {k.lower(): float(v) for k, v in data["scales"].items()}
        self._one_of = {k.lower(): v for k, v in data["one_of"].items()}
        currencies = sorted((re.escape(c) for c in lex.currency), key=len, reverse=True)
        self._currency_before = re.compile(rf"(?:{'|'.join(currencies)})\s?$", re.IGNORECASE)
        word_alt = "|".join(sorted(map(re.escape, list(self._units) + ["belas"] + list(self._scales)),
                                   key=len, reverse=True))
        starts = "|".join(sorted(map(re.escape, self._units), key=len, reverse=True))
        self._word_number = re.compile(
            rf"(?<![\w-])(?P<num>(?:{starts})(?:[\s-]+(?:{word_alt}))*)(?![\w])", re.IGNORECASE)
        # Where number words start, found in one dictionary pass per article.
        self._number_starts = Matcher({w: w for w in list(self._units) + list(self._one_of)}, lower=True)
        self._one_word = re.compile(rf"(?<![\w-])(?P<num>{'|'.join(map(re.escape, self._one_of))})(?![\w-])",
                                    re.IGNORECASE)
        self._not_count = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, data['not_counts']))})(?![\w])",
                                     re.IGNORECASE)
        phrases = sorted((p.lower() for p in data["unit_phrases"]), key=lambda p: -len(p))
        self._unit_phrase = re.compile(rf"\s*(?P<word>{'|'.join(map(re.escape, phrases))})(?![\w-])", re.IGNORECASE)
        self._modifiers = frozenset(w.lower() for w in data["unit_modifiers"])
        self._skip = frozenset(w.lower() for w in data["unit_skip"])
        self._adjectives = frozenset(w.lower() for w in data["unit_adjectives"])
        self._widget = re.compile(rf"\s*(?:{'|'.join(map(re.escape, data['widgets']))})\b", re.IGNORECASE)
        self._widget_before = re.compile(rf"(?:{'|'.join(map(re.escape, data['widgets']))})\s*:?\s*$", re.IGNORECASE)
        verbs = lex.attribution_prefixed + lex.attribution_stems + lex.attribution_english
        self._attribution = re.compile(
            rf"(?<![\w-])(?:{'|'.join(sorted(map(re.escape, verbs), key=len, reverse=True))})(?:nya)?(?![\w-])"
            r"|\bmenurut\b|\baccording to\b", re.IGNORECASE)

    # ------------------------------------------------------------------
    def find(self, article: Article, dates: list[Span], speakers: Sequence[tuple[Span, object]] = (),
             people: Sequence[object] = (), orgs: Sequence[object] = (),
             quotes: Sequence[Span] = ()) -> list[FoundFigure]:
        """Figures of the article's sentences. ``speakers``: each quote's span and its speaker
        (an object with entity_id and name); ``people``/``orgs``: mentions (start, end,
        entity_id, name), for the claimant of a figure outside quotes; ``quotes``: every
        quote's span, its speaker known or not."""
        text = article.text
        out: list[FoundFigure] = []
        seen_values: set[float] = set()
        # Looked up by position, sentence by sentence (bisection, not scans: long articles).
        context = _Context(ByStart(dates), ByStart(list(quotes) + [q for q, _ in speakers]),
                           {(q.start, q.end): who for q, who in speakers}, ByStart(people), ByStart(orgs), {})
        sentences = list(article.sentences)
        worded = self._number_starts.find_each(text, sentences)      # number words, sentence by sentence
        for sentence, has_words in zip(sentences, worded):
            found = []
            for m in _NUMBER.finditer(text, sentence.start, sentence.end):
                s, e = m.start("num"), m.end("num")
                if context.dates.covering(s) is not None:
                    continue
                f = self._figure(text, article.language, sentence, s, e)
                if f:
                    found.append(f)
            if has_words:
                found += self._word_figures(text, sentence)
            found.sort(key=lambda f: f.start)
            for f in found:
                if f.value >= 10 and f.value in seen_values:
                    continue                    # the same figure told again ("299 peserta" … "299 peserta")
                if f.value in seen_values and _POINTED_AGAIN.match(text, f.end, sentence.end):
                    continue                    # "empat orang itu": the four already counted
                if f.unit and f.unit.split()[0] in _TIME_UNITS and _RELATIVE_AFTER.match(text, f.end, sentence.end):
                    continue                    # "lima tahun lalu": when, not how long
                seen_values.add(f.value)
                out.append(self._with_claimant(text, f, context))
        return out

    # ------------------------------------------------------------------
    def _unit_after(self, text: str, pos: int, end: int) -> tuple[str | None, int, str | None]:
        """(unit, end of unit, the word right after the number) at ``pos``."""
        phrase = self._unit_phrase.match(text, pos, end)
        if phrase:
            return phrase.group("word").lower(), phrase.end(), phrase.group("word")
        after = _WORD_AFTER.match(text, pos, end)
        if not after:
            return None, pos, None
        word = after.group("word")
        low = word.lower()
        if low in self._adjectives:
            # "300 Indonesian technicians": adjectives, then the noun they qualify.
            words, nxt = [low], _WORD_AFTER.match(text, after.end(), end)
            while nxt and nxt.group("word").lower() in self._adjectives and len(words) < 3:
                words.append(nxt.group("word").lower())
                nxt = _WORD_AFTER.match(text, nxt.end(), end)
            if nxt and nxt.group("word")[:1].islower() and nxt.group("word").lower() not in _FUNCTION_WORDS:
                return " ".join(words + [nxt.group("word").lower()]), nxt.end(), word
            return None, pos, word
        if low in self._skip:
            nxt = _WORD_AFTER.match(text, after.end(), end)
            if nxt and nxt.group("word")[:1].islower() and nxt.group("word").lower() not in _FUNCTION_WORDS:
                return nxt.group("word").lower(), nxt.end(), word
            return None, pos, word
        if low in self._modifiers:
            nxt = self._unit_phrase.match(text, after.end(), end) or _WORD_AFTER.match(text, after.end(), end)
            if nxt and nxt.group("word")[:1].islower() and nxt.group("word").lower() not in _FUNCTION_WORDS:
                return f"{low} {nxt.group('word').lower()}", nxt.end(), word
            return None, pos, word
        if word == "%" or low in ("persen", "percent", "per cent"):
            return "persen", after.end(), word
        if low not in _FUNCTION_WORDS and word[:1].islower() and len(word) >= 2:
            return low, after.end(), word
        return None, pos, word

    def _figure(self, text: str, language: str, sentence: Span, s: int, e: int) -> FoundFigure | None:
        raw = text[s:e]
        if _GLUED_JUNK.match(text[s - 1:s]) or _GLUED_JUNK.match(text[e:e + 1]):
            return None
        before = text[max(sentence.start, s - 25):s]
        prev_word = re.search(r"([\w.\-]+)\s*$", before)
        prev = prev_word.group(1).lower() if prev_word else ""
        if prev in self.lex.not_before or prev.endswith("ke-") or before.endswith(("ke-", "#", "No.", "No. ")):
            return None
        if _STREET_BEFORE.search(text, max(sentence.start, s - 60), s) or self._widget_before.search(before) \
                or self._widget.match(text, e, sentence.end):
            return None
        currency = self._currency_before.search(before)
        end = e
        multiplier = 1.0
        after = _WORD_AFTER.match(text, end, sentence.end)
        if after and after.group("word").lower() in self.lex.multipliers:
            multiplier = self.lex.multipliers[after.group("word").lower()]
            end = after.end()
        if after and after.group("word").lower() in self.lex.not_units:
            return None
        unit, unit_end, word = self._unit_after(text, end, sentence.end)
        if word and word.lower() in self.lex.not_units:
            return None
        if unit:
            end = unit_end
        is_year = re.fullmatch(r"(19|20)\d\d", raw) is not None
        if is_year and multiplier == 1.0 and currency is None and unit not in ("persen",):
            return None
        if unit is None and currency is None and multiplier == 1.0 and \
                _AGE_BEFORE.search(text, max(sentence.start, s - 40), s) and _AGE_AFTER.match(text[e:e + 3]):
            return None                                     # "Wulan, 23," · "Rizal (20)": an age
        count = unit is not None and unit != "persen" and currency is None
        value = parse_number(raw, language, multiplier != 1.0, count)
        if value is None:
            return None
        how = "digits"
        if language == "en" and count and re.fullmatch(r"\d{1,3}\.\d{3}", raw):
            how = "digits, the dot read as a thousands separator (a count of things)"
        if currency:
            unit = currency.group(0).strip()
            s = currency.start() + max(sentence.start, s - 25)
        return FoundFigure(value * multiplier, unit, s, end, sentence, why=f"value: {how}" +
                           (f"; unit: `{unit}`" if unit else "; no unit"))

    def _word_figures(self, text: str, sentence: Span) -> list[FoundFigure]:
        """Numbers written as words, counted only with a unit noun after them."""
        out = []
        for m in self._word_number.finditer(text, sentence.start, sentence.end):
            s, e = m.start("num"), m.end("num")
            if self._inside_not_count(text, s, e, sentence):
                continue
            words = re.split(r"[\s-]+", m.group("num"))
            # "two-year": the unit is glued to the number with a hyphen.
            hyphen_unit = re.match(r"-(?P<word>[a-z]+)\b", text[e:sentence.end])
            value = words_value(words, self._units, self._scales)
            if value is None:
                continue
            if hyphen_unit:
                unit, end = hyphen_unit.group("word"), e + hyphen_unit.end()
            else:
                unit, end, _ = self._unit_after(text, e, sentence.end)
                if unit is None and s == sentence.start:
                    # "One nurse candidate …": at a sentence start a capitalised noun may follow.
                    nxt = _WORD_AFTER.match(text, e, sentence.end)
                    if nxt and nxt.group("word").lower() not in _FUNCTION_WORDS:
                        unit, end = nxt.group("word").lower(), nxt.end()
            if unit is None or unit in self.lex.not_units:
                continue
            if value == 1 and s != sentence.start and unit.split()[0] not in _TIME_UNITS:
                continue                                    # "satu hal", "one thing": not a count
            out.append(FoundFigure(value, unit, s, end, sentence,
                                   why=f"value: number words `{m.group('num')}`; unit: `{unit}`"))
        for m in self._one_word.finditer(text, sentence.start, sentence.end):
            word = m.group("num").lower()
            out.append(FoundFigure(1.0, self._one_of[word], m.start(), m.end(), sentence,
                                   why=f"value: `{m.group('num')}` (one {self._one_of[word]})"))
        return out

    def _inside_not_count(self, text: str, s: int, e: int, sentence: Span) -> bool:
        lo, hi = max(sentence.start, s - 12), min(sentence.end, e + 25)
        return any(m.start() <= s < m.end() for m in self._not_count.finditer(text, lo, hi))

    # ------------------------------------------------------------------
    def _with_claimant(self, text: str, f: FoundFigure, context: "_Context") -> FoundFigure:
        quote = context.quotes.covering(f.start)
        if quote is not None:
            speaker = context.speakers.get((quote.start, quote.end))
            if speaker is None:
                return FoundFigure(f.value, f.unit, f.start, f.end, f.sentence,
                                   why=f"{f.why}; claimant: inside a quote whose speaker is not known")
            return _claimed(f, speaker, f"claimant: inside a quote by {speaker.name}")
        sentence = f.sentence

        def outside(pos: int) -> bool:
            return context.quotes.covering(pos) is None

        if sentence not in context.verbs_of:          # figures of one sentence share its attribution verbs
            context.verbs_of[sentence] = list(self._attribution.finditer(text, sentence.start, sentence.end))
        verbs = [m for m in context.verbs_of[sentence] if outside(m.start())]
        if verbs:
            here = [p for p in context.people.between(sentence.start, sentence.end) if outside(p.start)]
            if here:
                verb = verbs[0]
                person = min(here, key=lambda p: min(abs(p.start - verb.end()), abs(verb.start() - p.end)))
                return _claimed(f, person, f"claimant: {person.name}, in a sentence attributed with "
                                           f"`{verb.group(0)}`")
        if verbs or _SOURCE_WORDS.search(text, sentence.start, sentence.end):
            # "Kemnaker mencatat …", "the ministry said …", "menurut data BPS …"
            here = [o for o in context.orgs.between(sentence.start, sentence.end) if outside(o.start)]
            if here:
                org = min(here, key=lambda o: abs(o.start - f.start))
                return _claimed(f, org, f"claimant: {org.name}, the source the sentence names", unsure=True)
        return f


@dataclass
class _Context:
    """One article's dates, quotes, speakers and mentions, by position."""
    dates: ByStart
    quotes: ByStart
    speakers: dict
    people: ByStart
    orgs: ByStart
    verbs_of: dict


def _claimed(f: FoundFigure, who, how: str, unsure: bool = False) -> FoundFigure:
    return FoundFigure(f.value, f.unit, f.start, f.end, f.sentence, who.name, who.entity_id,
                       f"{f.why}; {how}", f.unsure or unsure)
