"""Date expressions in Indonesian and English news, normalised to dates.

Candidates are found with a regex whose month and weekday names come from the
CLDR locale data (Babel); month-name dates are normalised by dateparser. A date
without a year gets one inferred from a reference (the publication date, or the
other years in the article), checked against the weekday when one is given.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from babel.dates import get_day_names, get_month_names

from kemnaker_tui.analysis.lexicon import Matcher
from kemnaker_tui.model import DateRef

_LOCALES = ("id", "en")


def _names(getter, width: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for loc in _LOCALES:
        for number, name in getter(width, locale=loc).items():
            out[name.lower().rstrip(".")] = number
    return out


_MONTHS = {**_names(get_month_names, "abbreviated"), **_names(get_month_names, "wide")}
# Common press spellings CLDR does not list.
_MONTHS.update({"agt": 8, "agust": 8, "sept": 9, "nop": 11, "nopember": 11, "pebruari": 2, "okt": 10})
_WEEKDAYS = _names(get_day_names, "wide")
_WEEKDAYS.update({"jum'at": 4, "jum’at": 4, "ahad": 6})

_WEEKDAY_RE = "|".join(sorted((re.escape(d) for d in _WEEKDAYS), key=len, reverse=True))

# Dates are found from anchors (a parenthesised day/month, a month name, an ISO
# or slashed date) and read outwards with small anchored patterns: one pass of
# each anchor over the text, instead of every pattern at every position.
_NUMERIC = re.compile(r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_SLASH = re.compile(r"(?<![\d/(])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
_DAY_BEFORE = re.compile(r"\b(?P<d>\d{1,2})\s+$")
_YEAR_AFTER = re.compile(r"\s+(?P<y>\d{4})\b")
_DAY_AFTER = re.compile(r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*/)(?:,?\s+(?P<y>\d{4})\b)?")
# Before a date, short forms count too ("Mon, 07/04/2011", "Sen, 3/6/2024").
_WEEKDAY_SHORT = {name: number for name, number in _names(get_day_names, "abbreviated").items() if len(name) >= 3}
_WEEKDAY_BEFORE_RE = "|".join(sorted((re.escape(d) for d in {**_WEEKDAY_SHORT, **_WEEKDAYS}), key=len, reverse=True))
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{_WEEKDAY_BEFORE_RE})\.?\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?$", re.IGNORECASE)
# A weekday standing alone ("kata Anwar, Senin." · "on Tuesday"): capitalised, and not
# "Minggu lalu" / "Minggu ini", where the word means "week".
_BARE_WEEKDAY = re.compile(rf"\b(?=[A-Z])(?P<wd>(?i:{_WEEKDAY_RE}))\b(?!\s*[(/]|\s*,?\s*\d)")
_WEEK_NOT_DAY = re.compile(r"\s+(?:ini|lalu|depan|kemarin|sebelumnya|berikutnya|mendatang|ke-?\d|pertama|kedua|"
                           r"ketiga|keempat|terakhir|awal|akhir|berjalan)\b", re.IGNORECASE)
# Words before a bare weekday that point forward: "akan … pada Senin", "will … on Monday".
_FUTURE = re.compile(r"\b(?:akan|bakal|rencananya|dijadwalkan|will|to be|is to|are to|scheduled|set to|due to)\b",
                     re.IGNORECASE)
_NEXT_WEEK = re.compile(r"^\s*(?:depan|mendatang|pekan depan|next week)\b", re.IGNORECASE)
# "kemarin", "yesterday": the day before the publication date ("tahun kemarin" is last year).
_YESTERDAY = re.compile(r"(?<!tahun )(?<!bulan )(?<!minggu )(?<!pekan )(?<!musim )\b(?:kemarin|yesterday)\b",
                        re.IGNORECASE)
# Day-first dates with a comma: "11, Jul. 2019" (some English portals).
_DAY_COMMA_MONTH = re.compile(r"(?<![\d/])(?P<d>\d{1,2}),\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<y>\d{4})\b")


def _candidates(text: str, lo: int, hi: int, regions: list[tuple[int, int]]):
    """(kind, start, end, day, month number or word, year, weekday word) for every date-like place."""
    for m in _NUMERIC.finditer(text, lo, hi):
        yield "numeric", m.start(), m.end(), m.group("d"), m.group("m"), m.group("y")
    for m in _ISO.finditer(text, lo, hi):
        yield "iso", m.start(), m.end(), m.group("d"), m.group("m"), m.group("y")
    for m in _SLASH.finditer(text, lo, hi):
        yield "slash", m.start(), m.end(), m.group("d"), m.group("m"), m.group("y")
    for m in _DAY_COMMA_MONTH.finditer(text, lo, hi):
        if m.group("mon").lower() in _MONTHS:
            yield "dmy", m.start(), m.end(), m.group("d"), m.group("mon"), m.group("y")
    months = _month_words()
    for s, e in (m[:2] for a, b in regions for m in months.find(text, a, b)):
        mon = text[s:e]
        if text[e:e + 1] == ".":
            e += 1
        before = _DAY_BEFORE.search(text, max(0, s - 4), s)
        if before:
            y = _YEAR_AFTER.match(text, e)
            yield "dmy", before.start("d"), y.end() if y else e, before.group("d"), mon, y.group("y") if y else None
            continue
        after = _DAY_AFTER.match(text, e)
        # "Nov 6", "Sept. 12": a capitalised month before a day ("May 5" too, but not the verb "May").
        if after and after.group("y") or (after and mon[:1].isupper() and (len(mon) > 3 or mon.lower() != "may"
                                                                            or text[s - 1:s] in "(,")):
            yield "mdy", s, after.end(), after.group("d"), mon, after.group("y")
            continue
        y = _YEAR_AFTER.match(text, e)
        if y:
            yield "my", s, y.end(), None, mon, y.group("y")


@functools.lru_cache(maxsize=1)
def _month_words():
    """Month names as a dictionary (Aho-Corasick): one pass over a text finds them all."""
    return Matcher({m: m for m in _MONTHS}, lower=True)


@functools.lru_cache(maxsize=256)
def _month_number(month_word: str) -> int | None:
    """The month a month name stands for, as dateparser reads it (Indonesian or
    English, full or abbreviated); asked once per distinct spelling."""
    data = _parser().get_date_data(f"1 {month_word} 2000")
    return data.date_obj.month if data.date_obj is not None else _MONTHS.get(month_word)


def _month_day(day: int, month_word: str, year: int) -> tuple[int, int] | None:
    month = _month_number(month_word)
    if month is None or _safe_date(year, month, day) is None:
        return None
    return month, day


@functools.lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=list(_LOCALES), settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, weekday: int | None, reference: dt.date | None,
               context_years: Iterable[int] = ()) -> int | None:
    """Pick the year of a day-month date that the text gave without one.

    With a publication date, prefer the most recent such day not after it (news
    reports the past), else the next one. Without, start from the latest year
    the article mentions. A stated weekday must agree; if none agrees within
    three years, the weekday is taken as a typo and the first guess is kept.
    """
    if reference is not None:
        base = reference.year
        order = [base, base - 1, base + 1, base - 2, base + 2, base - 3]
        candidates = [y for y in order if (d := _safe_date(y, month, day))]
        if weekday is None:
            for y in candidates:
                d = _safe_date(y, month, day)
                if d <= reference + dt.timedelta(days=7):
                    return y
            return candidates[0] if candidates else None
    else:
        years = [y for y in context_years if 1950 <= y <= 2100]
        if not years:
            return None
        base = max(years)
        # Without a publication date the text's years are a weak guide: a weekday may
        # move the year by one, not further (beyond that it is taken as a typo).
        order = [base, base + 1, base - 1]
        candidates = [y for y in order if _safe_date(y, month, day)]
        if weekday is None:
            return candidates[0] if candidates else None
    for y in candidates:
        if _safe_date(y, month, day).weekday() == weekday:
            return y
    return candidates[0] if candidates else None


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|2100)\b")
# A year named as a goal is no present: "menjelang AEC 2015", "Indonesia Emas 2045", "by 2030".
_AHEAD = re.compile(r"\b(?:menjelang|jelang|menuju|menyongsong|visi|target|hingga|sampai|emas|by|until|ahead of|"
                    r"towards?|vision)\b[^.\d]{0,45}$", re.IGNORECASE)


def find_dates(text: str, reference: dt.date | None = None,
               spans: Iterable[tuple[int, int]] | None = None, language: str = "id",
               firm_dates: Iterable[dt.date] = ()) -> list[DateRef]:
    """Every date expression in ``text`` (within ``spans`` if given), sorted by offset.

    A slashed date both of whose readings are valid (05/06/2012) is read by its
    weekday when one is printed, else by the other dates of the text, else by
    the language (month first in English). A weekday standing alone ("Selasa",
    "on Monday") is the last such day on or before ``reference`` (the next one
    when the sentence points forward); without a reference its date is None.
    """
    regions = ([(s.start, s.end) if hasattr(s, "start") else tuple(s) for s in spans]
               if spans is not None else [(0, len(text))])
    found: list[DateRef] = []
    if not regions:
        return found
    lo, hi = min(a for a, _ in regions), max(b for _, b in regions)
    # Scan only from the first region to the last, once per anchor pattern.
    inside = bytearray(len(text) + 1)
    for a, b in regions:
        inside[a:b] = b"\x01" * (b - a)
    candidates = [c for c in _candidates(text, lo, hi, regions) if inside[c[1]] and inside[c[2] - 1]]
    # A missing year comes from the years of the text's dated expressions ("21 September
    # 2023"), else from its bare years: "Indonesia Emas 2045" names no present.
    context_years = [int(c[5]) for c in candidates if c[5] and len(c[5]) == 4]
    if not context_years:
        context_years = [int(m.group(1)) for m in _YEAR.finditer(text, lo, hi) if inside[m.start()]
                         and not _AHEAD.search(text, max(lo, m.start() - 60), m.start())]
    taken = bytearray(len(text) + 1)
    ambiguous: list[tuple[int, DateRef, DateRef]] = []
    for kind, s, e, day, month, year in candidates:
        if any(taken[s:e]):
            continue
        weekday = None
        if kind in ("numeric", "dmy", "mdy", "slash"):
            wd = _WEEKDAY_BEFORE.search(text, max(0, s - 24), s)
            if wd:
                weekday, s = wd.group("wd"), wd.start()
        ref = _normalise(kind, text[s:e], s, e, day, month, year, weekday, reference, context_years)
        if kind in ("slash", "numeric") and year and int(day) <= 12 and int(month) <= 12 and day != month:
            other = _normalise(kind, text[s:e], s, e, month, day, year, weekday, reference, context_years)
            if ref is not None and other is not None:
                wd_number = _weekday_number(weekday)
                if wd_number is not None and ref.date.weekday() != wd_number and other.date.weekday() == wd_number:
                    ref = other                     # "Mon, 07/04/2011": only July 4 is a Monday
                elif wd_number is None and kind == "slash":
                    ambiguous.append((len(found), ref, other))
        if ref is not None:
            taken[s:e] = b"\x01" * (e - s)
            found.append(ref)
    if ambiguous:
        firm = [r.date for r in found if r.date and not r.year_inferred
                and not any(r is a[1] for a in ambiguous)] + list(firm_dates)
        for index, day_first, month_first in ambiguous:
            found[index] = _pick_reading(day_first, month_first, firm, language)
    for m in _BARE_WEEKDAY.finditer(text, lo, hi):
        s, e = m.start("wd"), m.end("wd")
        if not inside[s] or any(taken[s:e]):
            continue
        if m.group("wd").lower() == "minggu" and _WEEK_NOT_DAY.match(text, e):
            continue
        sentence_start = max(text.rfind(".", lo, s), text.rfind("\n", lo, s), s - 160)
        forward = bool(_FUTURE.search(text, max(lo, sentence_start), s)) or bool(_NEXT_WEEK.match(text, e))
        date = resolve_weekday(_WEEKDAYS[m.group("wd").lower()], reference, forward)
        found.append(DateRef(s, e, text[s:e], date, True))
    if reference is not None:
        for m in _YESTERDAY.finditer(text, lo, hi):
            if inside[m.start()] and not any(taken[m.start():m.end()]):
                found.append(DateRef(m.start(), m.end(), m.group(0), reference - dt.timedelta(days=1), True))
    found.sort(key=lambda r: r.start)
    return found


def resolve_weekday(weekday: int, reference: dt.date | None, forward: bool = False) -> dt.date | None:
    """The day a bare weekday names: the last one on or before the reference date
    (news tells the past), or the next one on or after it when the text points forward."""
    if reference is None:
        return None
    if forward:
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


def _pick_reading(day_first: DateRef, month_first: DateRef, firm: list[dt.date], language: str) -> DateRef:
    """05/06/2012 with no weekday: the reading nearest the text's other dates, else by language."""
    if firm:
        def distance(r: DateRef) -> int:
            return min(abs((r.date - d).days) for d in firm)
        a, b = distance(day_first), distance(month_first)
        if a != b:
            return day_first if a < b else month_first
    return month_first if language == "en" else day_first


def _weekday_number(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower().rstrip(".")
    return _WEEKDAYS.get(word, _WEEKDAY_SHORT.get(word))


def _normalise(kind, matched, s, e, day, month, year, weekday, reference, context_years) -> DateRef | None:
    weekday = _weekday_number(weekday)
    year = int(year) if year else None
    if year is not None and year < 100:
        year += 2000
    if kind == "my":
        number = _MONTHS.get(month.lower().rstrip("."))
        if not number or year is None:
            return None
        return DateRef(s, e, matched, dt.date(year, number, 1), False, "month")
    if kind in ("dmy", "mdy"):
        md = _month_day(int(day), month.lower().rstrip("."), year or 2000)
        if md is None:
            return None
        month_number, day_number = md
    else:
        month_number, day_number = int(month), int(day)
        if not (1 <= month_number <= 12 and 1 <= day_number <= 31):
            return None
    inferred = False
    if year is None:
        year = infer_year(month_number, day_number, weekday, reference, context_years)
        inferred = True
        if year is None:
            return DateRef(s, e, matched, None, True)
    date = _safe_date(year, month_number, day_number)
    if date is None:
        return None
    return DateRef(s, e, matched, date, inferred)


def parse_date_text(value: str) -> dt.date | None:
    """A date given as a field (JSONL 'published'): ISO first, then any form above."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    refs = find_dates(value)
    return refs[0].date if refs and refs[0].precision == "day" else None


_LEADING_WEEKDAY = re.compile(rf"^\s*(?P<wd>{_WEEKDAY_BEFORE_RE})\b", re.IGNORECASE)


def stated_weekday(date_text: str) -> int | None:
    """The weekday a date expression prints (0 = Monday), if it prints one."""
    m = _LEADING_WEEKDAY.match(date_text)
    return _weekday_number(m.group("wd")) if m else None
