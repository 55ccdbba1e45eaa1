"""Article metadata found in the text: title, outlet, dateline city,
publication date, language."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kemnaker_tui.analysis.dates import find_dates, parse_date_text
from kemnaker_tui.corpus.boilerplate import HEADER_LINES, is_date_header, is_noise_line
from kemnaker_tui.model import Span

_DASH = r"\s*[-–—]+\s*"
_DOMAIN = r"[A-Za-z0-9][\w\-]*(?:\.[\w\-]+)*\.(?i:com|co\.id|id|net|org|co|news|tv|go\.id|or\.id)"
_CITY = r"[A-Za-z][A-Za-z.'’ ]{1,40}?"

# Lead-paragraph openers, tried in order.
_LEADS = [
    # jpnn.com, TOKYO -   ·   SURABAYAPAGI.COM, Jakarta -
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<city>{_CITY})(?:\s*\([^)]*\))?{_DASH}"),
    # Jakarta (ANTARA) -   ·   Tokyo (ANTARA News) -   ·   TOKYO, KOMPAS.com -
    re.compile(rf"^(?P<city>{_CITY})\s*\((?P<outlet>[A-Za-z][\w.]{{1,30}}(?:\s[A-Z][\w.]{{1,20}}){{0,2}})\){_DASH}"),
    # JAKARTA, July 4 Kyodo -   (agency wire: city, month and day, agency)
    re.compile(rf"^(?P<city>{_CITY})\s*,\s*(?P<monthday>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})\s+(?P<outlet>[A-Z][\w.]+){_DASH}"),
    re.compile(rf"^(?P<city>{_CITY})\s*,\s*(?P<outlet>{_DOMAIN}){_DASH}"),
    # Tangerang, 04 Februari 2025 –   ·   Jakarta, Senin (4/3/2024) –   ·   Bandung, Selasa, 5 Maret 2024 -
    re.compile(rf"^(?P<city>{_CITY})\s*,\s*(?P<date>(?:[A-Za-z']+\s*,?\s*)?(?:\d{{1,2}}\s+[A-Za-z]+\.?\s+\d{{4}}"
               rf"|\(\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}\s*\)|\d{{1,2}}/\d{{1,2}}/\d{{4}})){_DASH}"),
    # TOKYO, March 8 (Kyodo) -
    re.compile(rf"^(?P<city>{_CITY})\s*,\s*(?P<monthday>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})\s*\((?P<outlet>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)\){_DASH}"),
    # KOMPAS.com -
    re.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}"),
    # Jakarta, CNN Indonesia --
    re.compile(rf"^(?P<city>{_CITY})\s*,\s*(?P<outlet>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}){_DASH}"),
    # TOKYO -
    re.compile(rf"^(?P<city>[A-Z][A-Z.'’ ]{{2,40}}?){_DASH}"),
    # Jakarta - (a city in title case, then a spaced dash)
    re.compile(r"^(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+[-–—]+\s+"),
]
_ANY_DOMAIN = re.compile(rf"\b({_DOMAIN})\b")
_DATE_LINE = re.compile(
    r"^\s*(?:(?:diterbitkan|dipublikasikan|published|updated|diperbarui)\s*:?\s*)?(?:[A-Za-z]+,\s*)?"
    r"(?:\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})\b", re.IGNORECASE)

# "JAKARTA, SELASA -", "BEKASI, Indonesia -": a weekday or a country in the outlet's place
# is part of the dateline, no outlet.
_WEEKDAY_WORDS = frozenset("senin selasa rabu kamis jumat jum'at sabtu minggu ahad monday tuesday wednesday "
                           "thursday friday saturday sunday indonesia japan jepang".split())
_ID_WORDS = frozenset("yang dan di ke dari untuk dengan pada dalam ini itu tidak akan juga atau oleh sebagai telah bahwa kata ujar".split())
_EN_WORDS = frozenset("the and of to in for with on is was that by as from has have said are be at this which".split())


@dataclass(frozen=True)
class Metadata:
    title: str
    title_span: Span | None
    outlet: str | None
    dateline: str | None
    dateline_span: Span | None     # the whole "jpnn.com, TOKYO -" opener
    published: dt.date | None
    published_text: str | None
    language: str
    title_derived: bool = False    # the title is the lead sentence (the file has no headline)


def _tidy_city(city: str) -> str:
    city = city.strip(" .,")
    return city.title() if city.isupper() else city


def _tidy_outlet(outlet: str) -> str:
    outlet = outlet.strip()
    return outlet.lower() if "." in outlet else outlet


def language_of(text: str) -> str:
    words = re.findall(r"[a-z]+", text[:6000].lower())
    ind = sum(w in _ID_WORDS for w in words)
    eng = sum(w in _EN_WORDS for w in words)
    return "en" if eng > ind else "id"


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        yield Span(pos, pos + len(content)), content
        pos += len(line)


def find_metadata(text: str, boilerplate: tuple[Span, ...], given_title: str | None = None,
                  given_outlet: str | None = None, given_published: str | None = None) -> Metadata:
    if given_title and is_noise_line(given_title.strip()):
        given_title = None              # a page whose headline slot holds a byline ("Laporan Wartawan …")
    # Metadata stands at the top: the first lines are all it reads (a 50 MB file costs no more).
    lines = []
    for s, c in _lines(text):
        if c.strip():
            lines.append((s, c))
            if len(lines) == 40:
                break

    def is_boilerplate(span: Span) -> bool:
        return any(b.start <= span.start and span.end <= b.end for b in boilerplate)

    # Title: an explicit first line (short, no final period, not a lead opener).
    title, title_span = None, None
    if lines:
        span, content = lines[0]
        stripped = content.strip()
        explicit = (len(stripped) <= 200 and not stripped.endswith((".", ",", ":"))
                    and not any(p.match(stripped) for p in _LEADS) and not is_boilerplate(span)
                    and len(stripped.split()) >= 3)
        if explicit:
            title = stripped.lstrip("#").strip()
            offset = content.index(stripped)
            title_span = Span(span.start + offset, span.start + offset + len(stripped))

    # The container's title (a page's headline) often heads the text too: then that line is the title.
    given_title_span = None
    if given_title:
        wanted = " ".join(given_title.split()).lower()
        given_title_span = next((span for span, content in lines[:8]
                                 if " ".join(content.split()).lower().lstrip("# ") == wanted), None)
        if given_title_span is not None:
            title_span = given_title_span

    # Lead opener: the first body line that is not the title or boilerplate.
    outlet = dateline = None
    dateline_span = None
    published: dt.date | None = None
    published_text: str | None = None
    body_lines = [(s, c) for s, c in lines if not is_boilerplate(s) and s != title_span
                  and not (title_span and s.start <= title_span.start < s.end)]
    # The headline printed again above the lead (a page layout) is not the lead.
    title_text = " ".join((given_title or (text[title_span.start:title_span.end] if title_span else "")).split())
    lead_lines = [(s, c) for s, c in body_lines if not (title_text and " ".join(c.split()) == title_text)]
    if lead_lines:
        span, content = lead_lines[0]
        lead = content.lstrip()
        shift = span.start + len(content) - len(lead)
        for pattern in _LEADS:
            m = pattern.match(lead)
            if not m:
                continue
            g = m.groupdict()
            if g.get("outlet") and g["outlet"].casefold() not in _WEEKDAY_WORDS:
                outlet = _tidy_outlet(g["outlet"])
            if g.get("city"):
                dateline = _tidy_city(g["city"])
            if g.get("date"):
                d = parse_date_text(g["date"])
                if d:
                    published, published_text = d, g["date"]
            dateline_span = Span(shift, shift + m.end())
            break

    language = language_of(text)
    # A date header near the top ("Rabu, 29 November 2023 – 09:40 WIB", "Kompas.com -
    # 04/11/2008, 16:08 WIB", "Mon, 07/04/2011 - 18:43"): its date is the publication's.
    header_line = None
    if published is None:
        published, published_text = _header_date(text, lines[:HEADER_LINES], language)
        header_line = published_text
    if given_published:
        d = parse_date_text(given_published)
        if d:
            published, published_text = d, given_published
    if given_outlet:
        outlet = given_outlet
    if outlet is None and header_line is not None:
        # "Kompas.com - 04/11/2008, 16:08 WIB": the outlet names itself in the date header.
        m = _ANY_DOMAIN.search(header_line)
        if m:
            outlet = _tidy_outlet(m.group(1))
    if outlet is None:
        # Outlets often name themselves in their footer ("… dari JPNN.com di Google News").
        for b in boilerplate:
            m = _ANY_DOMAIN.search(text, b.start, b.end)
            if m:
                outlet = _tidy_outlet(m.group(1))
                break
    if given_title:
        title, title_span = given_title.strip(), given_title_span
    derived = title is None
    if derived:
        title = _derived_title(text, body_lines, dateline_span)
    return Metadata(title, title_span, outlet, dateline, dateline_span, published, published_text, language,
                    derived)


def _header_date(text: str, lines, language: str) -> tuple[dt.date | None, str | None]:
    for span, content in lines:
        if not (_DATE_LINE.match(content) or is_date_header(content)):
            continue
        # The other dates of the text decide a slashed date both of whose readings are valid.
        firm = _body_dates(text, span.end) if _TWO_READINGS.search(content) else ()
        refs = find_dates(content, language=language, firm_dates=firm)
        day = next((r for r in refs if r.date and r.precision == "day" and not r.year_inferred), None)
        if day is not None:
            return day.date, content.strip()
    return None, None


_TWO_READINGS = re.compile(r"(?<!\d)(?:0?[1-9]|1[0-2])/(?:0?[1-9]|1[0-2])/\d{4}")


def _body_dates(text: str, start: int) -> list[dt.date]:
    return [r.date for r in find_dates(text[start:start + 6000]) if r.date and not r.year_inferred]


def _derived_title(text: str, body_lines, dateline_span: Span | None) -> str:
    """No headline in the file: the lead sentence, shortened."""
    if not body_lines:
        return "(untitled)"
    span, _ = body_lines[0]
    start = dateline_span.end if dateline_span and span.start <= dateline_span.start < span.end else span.start
    lead = text[start:span.end].strip()
    first = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")
