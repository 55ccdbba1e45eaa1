"""Domain and language knowledge, loaded once from the TOML files in ``data/``
(titles, attribution verbs, meeting words, gazetteers of organisations,
programs and places) and compiled into matchers the extractors share."""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

DATA = Path(__file__).with_name("data")


def _load(name: str) -> dict:
    with open(DATA / name, "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class KnownEntity:
    """An entry of a gazetteer (shipped, or the user's alias file)."""
    key: str
    type: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    phrases: tuple[str, ...] = ()
    kind: str | None = None


def lower_same_length(text: str) -> str:
    """Lower-case without changing any offset (a few characters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


class Matcher:
    """Whole-word dictionary matching with Aho-Corasick (longest match wins)."""

    def __init__(self, entries: dict[str, object], lower: bool = False) -> None:
        self.lower = lower
        self._auto = ahocorasick.Automaton()
        for form, value in entries.items():
            self._auto.add_word(form.lower() if lower else form, (len(form), value))
        self._empty = not entries
        if entries:
            self._auto.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, object]]:
        """Non-overlapping whole-word matches in text[start:end], longest first."""
        if self._empty:
            return []
        end = len(text) if end is None else end
        hay = lower_same_length(text[start:end]) if self.lower else text[start:end]
        found = []
        for last, (length, value) in self._auto.iter(hay):
            s, e = start + last - length + 1, start + last + 1
            if _whole_word(text, s, e):
                found.append((s, e, value))
        return _longest_first(found)

    def find_each(self, text: str, spans) -> list[list[tuple[int, int, object]]]:
        """``find`` in each of ``spans`` (sorted, not overlapping: an article's sentences),
        with one pass of the automaton over the whole text instead of one per span.
        The same matches: a match is kept only inside one span, boundaries are judged
        on the whole text as ``find`` does."""
        if self._empty or not spans:
            return [[] for _ in spans]
        starts = [sp.start for sp in spans]
        if any(spans[i].end > starts[i + 1] for i in range(len(spans) - 1)) or starts != sorted(starts):
            return [self.find(text, sp.start, sp.end) for sp in spans]
        hay = lower_same_length(text) if self.lower else text
        per: list[list] = [[] for _ in spans]
        for last, (length, value) in self._auto.iter(hay, starts[0], spans[-1].end):
            s, e = last - length + 1, last + 1
            i = bisect_right(starts, s) - 1
            if i >= 0 and e <= spans[i].end and _whole_word(text, s, e):
                per[i].append((s, e, value))
        return [_longest_first(found) if found else found for found in per]


def _whole_word(text: str, s: int, e: int) -> bool:
    """A match standing as a word of its own; "Jepangnya": the clitic -nya/-lah/-kah
    does not block it."""
    if is_boundary(text, s, e):
        return True
    return text[e:e + 3].lower() in ("nya", "lah", "kah") and is_boundary(text, s, e + 3)


def _longest_first(found: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Non-overlapping matches, the longest first, in text order."""
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    chosen: list[tuple[int, int, object]] = []
    for m in found:
        if all(m[1] <= c[0] or c[1] <= m[0] for c in chosen):
            chosen.append(m)
    chosen.sort(key=lambda m: m[0])
    return chosen


@dataclass
class Lexicon:
    known: list[KnownEntity]
    title_forms: dict[str, str]            # form -> title group
    honorifics: frozenset[str]
    attribution_stems: tuple[str, ...]
    attribution_prefixed: tuple[str, ...]
    attribution_english: tuple[str, ...]
    statement_markers: tuple[str, ...]
    meeting_triggers: tuple[str, ...]
    meeting_kinds: dict[str, str]
    anaphora: frozenset[str]
    multipliers: dict[str, float]
    currency: tuple[str, ...]
    not_units: frozenset[str]
    not_before: frozenset[str]
    org_heads: tuple[str, ...]
    org_tails: tuple[str, ...]
    program_heads: tuple[str, ...]
    program_tails: tuple[str, ...]
    place_prefixes: tuple[str, ...]
    connectors: frozenset[str]
    concept_acronyms: frozenset[str]
    not_names: frozenset[str]
    pronouns: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    after_sentence_openers: tuple[str, ...] = ()
    agent_words: tuple[str, ...] = ()
    given_names: frozenset[str] = frozenset()
    english_roles: tuple[str, ...] = ()
    headline_verbs: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    building_prefixes: tuple[str, ...] = ()
    locatives: frozenset[str] = frozenset()
    generic_orgs: frozenset[str] = frozenset()      # folded
    event_words: frozenset[str] = frozenset()
    government_short: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    gazetteer: Matcher = field(init=False)
    phrases: Matcher = field(init=False)
    titles: Matcher = field(init=False)
    known_by_key: dict[str, KnownEntity] = field(init=False)
    known_tokens: frozenset[str] = field(init=False)   # every word of every known name
    acronym_keys: dict[str, str] = field(init=False)   # acronym -> known key
    name_keys: dict[str, str] = field(init=False)      # folded name/alias -> known key
    role_nouns: frozenset[str] = field(init=False)     # "official", "director", "mayor" … (from english_roles)

    def __post_init__(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        forms: dict[str, str] = {}
        phrases: dict[str, str] = {}
        self.known_by_key = {}
        self.acronym_keys = {}
        self.name_keys = {}
        tokens: set[str] = set()
        for k in self.known:
            self.known_by_key[k.key] = k
            surface = [k.name] + ([k.acronym] if k.acronym else []) + list(k.aliases)
            for form in surface:
                forms.setdefault(form, k.key)
                if k.type == "place" and form.upper() != form and len(form) > 3:
                    forms.setdefault(form.upper(), k.key)     # datelines: "BEKASI -"
                elif k.type == "organisation" and " " in form and form.upper() != form and len(form) > 5:
                    forms.setdefault(form.upper(), k.key)     # shouting signs: "booth IM JAPAN"
                self.name_keys.setdefault(fold(form), k.key)
                tokens.update(w for w in re.findall(r"[^\W\d_]+", form) if w[:1].isupper())
            if k.acronym:
                self.acronym_keys.setdefault(k.acronym, k.key)
            for p in k.phrases:
                phrases.setdefault(p.lower(), k.key)
        self.gazetteer = Matcher(forms)
        self.phrases = Matcher(phrases, lower=True)
        self.titles = Matcher(self.title_forms)
        self.role_nouns = frozenset(w for r in self.english_roles for w in r.lower().split()) - _ROLE_MODIFIERS
        self.known_tokens = frozenset(tokens) - self.given_names   # "Sri" of "Sri Lanka" is a name too

    def kind_of_trigger(self, word: str) -> str:
        for trigger, kind in self.meeting_kinds.items():
            if trigger in word:
                return kind
        return "meeting"


# Words of the English role phrases that are no role alone ("a senior official" → "official").
_ROLE_MODIFIERS = frozenset({"a", "an", "the", "senior", "deputy", "vice", "executive", "managing", "general",
                             "who", "co-founder"})

_PUNCT = re.compile(r"[^\w\s]")


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case- and punctuation-insensitive key for comparing names."""
    return " ".join(_PUNCT.sub(" ", name.casefold()).split())


def _known_from_data() -> list[KnownEntity]:
    out: list[KnownEntity] = []
    for filename, table, etype in (("organisations.toml", "organisation", "organisation"),
                                   ("programs.toml", "program", "program"),
                                   ("places.toml", "place", "place")):
        for row in _load(filename).get(table, []):
            out.append(KnownEntity(
                key=f"known:{etype}:{row['name']}", type=etype, name=row["name"],
                acronym=row.get("acronym") or None, aliases=tuple(row.get("aliases", [])),
                phrases=tuple(row.get("phrases", [])), kind=row.get("kind"),
            ))
    return out


@functools.lru_cache(maxsize=1)
def base_lexicon() -> Lexicon:
    titles = _load("titles.toml")["title"]
    lang = _load("language.toml")
    title_forms: dict[str, str] = {}
    honorifics: set[str] = set()
    for group in titles:
        for form in group["forms"]:
            title_forms.setdefault(form, group["name"])
            if group.get("honorific"):
                honorifics.add(form)
    att, meet, fig, ent = lang["attribution"], lang["meetings"], lang["figures"], lang["entities"]
    return Lexicon(
        known=_known_from_data(),
        title_forms=title_forms,
        honorifics=frozenset(honorifics),
        attribution_stems=tuple(att["stems"]),
        attribution_prefixed=tuple(att["prefixed"]),
        attribution_english=tuple(att["english"]),
        statement_markers=tuple(att["statement_markers"]),
        meeting_triggers=tuple(meet["triggers"]),
        meeting_kinds=dict(meet["kinds"]),
        anaphora=frozenset(meet["anaphora"]["words"]),
        multipliers={k: float(v) for k, v in fig["multipliers"].items()},
        currency=tuple(fig["currency"]),
        not_units=frozenset(fig["not_units"]),
        not_before=frozenset(fig["not_before"]),
        org_heads=tuple(ent["org_heads"]),
        org_tails=tuple(ent["org_tails"]),
        program_heads=tuple(ent["program_heads"]),
        program_tails=tuple(ent["program_tails"]),
        place_prefixes=tuple(ent["place_prefixes"]),
        connectors=frozenset(ent["name_connectors"]),
        concept_acronyms=frozenset(ent["concept_acronyms"]),
        not_names=frozenset(ent["not_names"]),
        pronouns=frozenset(att.get("pronouns", ())),
        demonstratives=frozenset(att.get("demonstratives", ())),
        after_sentence_openers=tuple(att.get("after_sentence_openers", ())),
        agent_words=tuple(att.get("agent_words", ())),
        given_names=frozenset(lang.get("people", {}).get("given_names", ())),
        english_roles=tuple(lang.get("people", {}).get("english_roles", ())),
        headline_verbs=frozenset(lang.get("people", {}).get("headline_verbs", ())),
        place_prepositions=frozenset(lang.get("people", {}).get("place_prepositions", ())),
        building_prefixes=tuple(ent.get("building_prefixes", ())),
        locatives=frozenset(ent.get("locatives", ())),
        generic_orgs=frozenset(fold(g) for g in ent.get("generic_orgs", ())),
        event_words=frozenset(ent.get("event_words", ())),
        government_short=dict(ent.get("government_short", {})),
        demonyms=dict(ent.get("demonyms", {})),
    )


@functools.lru_cache(maxsize=1)
def indonesian_words() -> frozenset[str]:
    """Root words of Indonesian (PySastrawi's dictionary)."""
    import Sastrawi
    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").split() if w.strip())


@functools.lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    return StemmerFactory().create_stemmer()


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """An ordinary Indonesian word (so, capitalised, more likely a sentence start than a name)."""
    low = word.lower()
    words = indonesian_words()
    if low in words:
        return True
    if len(low) > 5 and low.isalpha():
        stem = _stemmer().stem(low)
        return stem != low and stem in words
    return False
