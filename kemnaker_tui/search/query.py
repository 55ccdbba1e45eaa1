"""The query language, parsed into a plain :class:`Query`. Never raises.

    kemnekar magang            every word must match (typos and stems allowed)
    magang OR pemagangan       either word
    "kerja sama"               exact phrase
    -jepang  -"kerja sama"     exclude a word or phrase
    person:anwar  org:jica  program:ssw  place:tokyo   (entity, through aliases, fuzzy)
    person:"Anwar Sanusi"      quoted filter values may hold spaces
    outlet:jpnn  lang:id|en  from:2023-01  to:2024-12  year:2024  in:quotes|titles|figures
    speaker:anwar              quotes by this speaker; other lists: the articles quoting them
    JICA                       a word in capitals is an acronym: never typo-matched

A broken piece (unclosed quote, unknown filter, bad date, dangling OR) is
reported in ``Query.problems`` and the rest is searched as plain words.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W_]+")
ENTITY_KEYS = {"person": "person", "org": "organisation", "organisation": "organisation",
               "organization": "organisation", "program": "program", "place": "place"}
FILTER_KEYS = set(ENTITY_KEYS) | {"outlet", "lang", "from", "to", "year", "in", "speaker"}
SCOPES = {"quotes": "quotes", "quote": "quotes", "titles": "titles", "title": "titles",
          "figures": "figures", "figure": "figures"}
LANGS = {"id", "en"}
_TOKEN_RE = re.compile(r'''(-?)([A-Za-z]+:)?("([^"]*)("?)|[^\s"]+)|"''')


def words(text: str) -> list[str]:
    """Index words of ``text``, as the index tokenizes them (letters/digits, lower case)."""
    return WORD_RE.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Filter:
    key: str          # person, organisation, program, place, outlet, lang, from, to, in
    value: str


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    groups: tuple[tuple[str, ...], ...] = ()      # AND of OR-groups of words
    phrases: tuple[tuple[str, ...], ...] = ()     # each must appear, words in order
    excludes: tuple[str, ...] = ()
    exclude_phrases: tuple[tuple[str, ...], ...] = ()
    filters: tuple[Filter, ...] = ()              # entity and outlet filters (resolved by the index)
    langs: frozenset[str] = frozenset()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    scopes: frozenset[str] = frozenset()          # quotes/titles/figures; empty = everywhere
    prefix_last: bool = False                     # the last word is still being typed
    acronyms: frozenset[str] = frozenset()        # words typed in capitals (lower-cased): no typos
    problems: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(w for g in self.groups for w in g)

    @property
    def last_term(self) -> str | None:
        return self.groups[-1][-1] if self.groups else None

    @property
    def has_text(self) -> bool:
        return bool(self.groups or self.phrases)

    @property
    def has_filters(self) -> bool:
        return bool(self.filters or self.langs or self.date_from or self.date_to or self.scopes)

    def entity_filters(self) -> list[Filter]:
        return [f for f in self.filters if f.key in ENTITY_KEYS.values()]

    def outlet_filters(self) -> list[str]:
        return [f.value for f in self.filters if f.key == "outlet"]

    def speaker_filters(self) -> list[str]:
        return [f.value for f in self.filters if f.key == "speaker"]


def _parse_date(value: str, end: bool) -> dt.date | None:
    m = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", value)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    try:
        if m.group(3):
            return dt.date(year, month, int(m.group(3)))
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    except ValueError:
        return None


def parse_query(text: str) -> Query:
    """Parse ``text``. Never raises; problems are listed in ``Query.problems``."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    problems: list[str] = []
    groups: list[list[str]] = []
    phrases: list[tuple[str, ...]] = []
    excludes: list[str] = []
    exclude_phrases: list[tuple[str, ...]] = []
    filters: list[Filter] = []
    langs: set[str] = set()
    scopes: set[str] = set()
    date_from = date_to = None
    acronyms: set[str] = set()
    pending_or = False
    last_plain_end = -1      # where the last plain word token ended

    def add_words(ws: list[str], joinable: bool) -> None:
        nonlocal pending_or
        if not ws:
            return
        if len(ws) > 1:                      # "52.440", "SSW/TITP": one token, several words
            if pending_or and groups:
                problems.append("OR before a phrase is not supported: searched as AND")
            pending_or = False
            phrases.append(tuple(ws))
            return
        if pending_or and groups and joinable:
            groups[-1].append(ws[0])
        else:
            groups.append([ws[0]])
        pending_or = False

    for m in _TOKEN_RE.finditer(text):
        neg, key, body, quoted, closing = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
        if body is None:                     # a lone quote mark
            problems.append("stray quote mark ignored")
            continue
        if key is None and body.endswith(":") and body[:-1].isalpha() and body[:-1].lower() in FILTER_KEYS:
            key, body = body, ""             # "person:" with its value still to come
        is_quoted = quoted is not None
        if is_quoted and not closing:
            problems.append("unclosed quote: searched as plain words")
        value = quoted if is_quoted else body
        if key:
            k = key[:-1].lower()
            if k not in FILTER_KEYS:
                problems.append(f"unknown filter {key} (filters: person: org: program: place: "
                                "outlet: lang: from: to: year: speaker: in:): searched as words")
                for w in words(key + value):
                    add_words([w], True)
                last_plain_end = m.end()
                continue
            value = value.strip()
            if not value and not is_quoted and body == "" and m.end() == len(text):
                continue                     # still typing the value: nothing to report yet
            if not value:
                problems.append(f"{key} needs a value")
                continue
            if neg:
                problems.append(f"-{key} (excluding a filter) is not supported: ignored")
                continue
            if k in ENTITY_KEYS:
                filters.append(Filter(ENTITY_KEYS[k], value))
            elif k == "outlet":
                filters.append(Filter("outlet", value.lower()))
            elif k == "speaker":
                filters.append(Filter("speaker", value))
            elif k == "year":
                if re.fullmatch(r"\d{4}", value):
                    y_from, y_to = _parse_date(value, end=False), _parse_date(value, end=True)
                    date_from = max(date_from, y_from) if date_from else y_from
                    date_to = min(date_to, y_to) if date_to else y_to
                else:
                    problems.append(f"year:{value} is not a year (use year:2024)")
            elif k == "lang":
                for v in value.lower().split("|"):
                    if v in LANGS:
                        langs.add(v)
                    else:
                        problems.append(f"lang:{v} unknown (use lang:id or lang:en)")
            elif k == "in":
                for v in value.lower().split("|"):
                    if v in SCOPES:
                        scopes.add(SCOPES[v])
                    else:
                        problems.append(f"in:{v} unknown (use in:quotes, in:titles or in:figures)")
            else:                            # from / to
                d = _parse_date(value, end=(k == "to"))
                if d is None:
                    problems.append(f"{k}:{value} is not a date (use {k}:2023, {k}:2023-01 or {k}:2023-01-31)")
                elif k == "from":
                    date_from = d
                else:
                    date_to = d
            continue
        ws = words(value)
        acronyms.update(t.lower() for t in WORD_RE.findall(value) if len(t) >= 2 and t.isupper()
                        and not t.isdigit())
        if neg:
            if not ws:
                continue                     # a lone "-" while typing
            if is_quoted or len(ws) > 1:
                exclude_phrases.append(tuple(ws))
            else:
                excludes.append(ws[0])
            continue
        if is_quoted:
            if not closing:
                for w in ws:
                    add_words([w], False)
                last_plain_end = m.end()
            elif len(ws) == 1:
                add_words(ws, True)
            elif ws:
                if pending_or:
                    problems.append("OR before a phrase is not supported: searched as AND")
                    pending_or = False
                phrases.append(tuple(ws))
            continue
        if body == "OR":
            if not groups or pending_or:
                problems.append("OR needs a word on each side")
            else:
                pending_or = True
            continue
        add_words(ws, True)
        if len(ws) == 1:
            last_plain_end = m.end()
    if pending_or:
        problems.append("OR needs a word on each side")
    if date_from and date_to and date_from > date_to:
        problems.append("from: is after to: — swapped")
        date_from, date_to = date_to, date_from
    prefix_last = bool(groups) and last_plain_end == len(text) and last_plain_end > 0
    return Query(
        text=text, groups=tuple(tuple(dict.fromkeys(g)) for g in groups), phrases=tuple(phrases),
        excludes=tuple(excludes), exclude_phrases=tuple(exclude_phrases), filters=tuple(filters),
        langs=frozenset(langs), date_from=date_from, date_to=date_to, scopes=frozenset(scopes),
        prefix_last=prefix_last, acronyms=frozenset(acronyms), problems=tuple(dict.fromkeys(problems)),
    )
