"""Events told in an article — meetings, visits, courtesy calls, forums, signings,
coordination meetings, business matching, send-offs, ceremonies, job fairs,
selections — with the date of the event (not of the press statement), place,
participants, a one-line summary, the evidence sentence and the reasons.

Sentences carrying an event word are grouped into events: a dated sentence
opens (or joins) the event of that date; "pertemuan ini", "forum tersebut"
refer back to the event already told; an article telling one event in several
sentences yields one meeting, one telling three dated events yields three.

Which date is the event's: a date the sentence gives outside quotes, unless it
is the date of a statement (`kata X dalam keterangannya, Rabu (29/11)`); a
statement tied to the event (`kata X usai menghadiri …, Ahad`, `said X while
visiting …, Monday (6/11)`) carries the event's date. A weekday alone is
resolved against the publication date (dates.py); a header or byline date is
boilerplate and never reaches here.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass, field

from kemnaker_tui.analysis.dates import stated_weekday
from kemnaker_tui.analysis.lexicon import DATA, Lexicon, Matcher
from kemnaker_tui.analysis.positions import ByStart
from kemnaker_tui.model import Article, DateRef, Span

# Words that join parties of one meeting: "Kemnaker bersama BP2MI", "JICA dan Kemnaker".
_LINKS = frozenset("bersama dan serta dengan and with together juga".split())

# Sentences this far into the body may still carry the date of an event told without one.
_LEAD_SENTENCES = 6
# How far after an attribution verb an event clause may stand ("kata Menteri X, Y, usai …").
_CLAUSE_REACH = 160


@functools.lru_cache(maxsize=1)
def event_words() -> dict:
    """The [meetings] section of data/language.toml (triggers, kinds and the words
    that decide whether a date is the event's)."""
    with open(DATA / "language.toml", "rb") as handle:
        return tomllib.load(handle)["meetings"]


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@dataclass
class EntityAt:
    start: int
    end: int
    entity_id: str
    name: str
    type: str
    role_span: Span | None = None     # for people: where their role is printed
    names: tuple[str, ...] = ()       # for organisations: every name, acronym and alias


@dataclass
class FoundMeeting:
    kind: str
    date: DateRef | None
    place: str | None
    participants: list[EntityAt]
    organisations: list[EntityAt]
    sentence: Span
    sentences: list[Span] = field(default_factory=list)
    trigger: str = ""
    date_rule: str = ""               # how the date was chosen, in words (evidence)
    split_note: str = ""              # when one told visit was split by the counterparts met
    quoted_note: str = ""             # participants taken from the article's quotes (a guess)

    @property
    def why(self) -> str:
        parts = [f"event: `{self.trigger}`"]
        if self.date is None:
            parts.append("date: none given for the event")
        else:
            parts.append(f"date: `{self.date.text}`, {self.date_rule or describe_date(self.date)}")
        if self.quoted_note:
            parts.append(self.quoted_note)
        elif self.participants and self.organisations:
            parts.append("participants: people named in the event's sentences, and organisations for a side "
                         "no named person stands for")
        elif self.participants:
            parts.append("participants: people named in the event's sentences")
        elif self.organisations:
            parts.append("participants: organisations (no person named)")
        if self.split_note:
            parts.append(self.split_note)
        return "; ".join(parts)

    @property
    def unsure(self) -> bool:
        if self.quoted_note:
            return True
        if self.date is None:
            return False
        return self.date.year_inferred or weekday_disagrees(self.date) or "lead" in self.date_rule


def describe_date(d: DateRef) -> str:
    """How a date was read, in words: which parts were printed, which inferred."""
    bare = not any(ch.isdigit() for ch in d.text)
    if d.date is None:
        return ("printed without a year, and no publication date or dated expression tells it: "
                "no calendar date")
    if bare:
        return "weekday alone, resolved against the publication date"
    words = []
    words.append("year inferred (publication date or the text's other years)" if d.year_inferred
                 else "printed in full")
    wd = stated_weekday(d.text)
    if wd is not None and d.date is not None:
        words.append("weekday checked" if d.date.weekday() == wd else "weekday disagrees with the date")
    return ", ".join(words)


def weekday_disagrees(d: DateRef) -> bool:
    wd = stated_weekday(d.text)
    return wd is not None and d.date is not None and any(ch.isdigit() for ch in d.text) and d.date.weekday() != wd


@dataclass(frozen=True, slots=True)
class _Hit:
    """An event word found by the dictionary matcher (reads like a regex match)."""
    s: int
    e: int
    word: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self, _n: int = 0) -> str:
        return self.word


@dataclass(frozen=True, slots=True)
class _Quoted:
    """A quote's span and its speaker."""
    start: int
    end: int
    speaker: EntityAt


def meeting_id(article_key: str, start: int) -> str:
    return "m-" + hashlib.sha1(f"{article_key}:{start}".encode()).hexdigest()[:8]


class MeetingFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        words = event_words()
        self._kinds: dict[str, str] = dict(words["kinds"])
        self._soft = frozenset(w.lower() for w in words["soft_triggers"])
        all_triggers = list(words["triggers"]) + list(words["soft_triggers"])
        self._trigger = re.compile(rf"(?<![\w-])(?:{_alternation(all_triggers)})(?:nya)?(?![\w-])", re.IGNORECASE)
        # The same words as a dictionary (Aho-Corasick): one pass over an article's body.
        self._trigger_words = Matcher({w: w for w in all_triggers}, lower=True)
        self._not_event = re.compile(rf"\s+(?:\w+\s+){{0,2}}?(?:{_alternation(words['not_events'])})\b", re.IGNORECASE)
        self._event_verb = re.compile(rf"(?<![\w-])(?:{_alternation(words['event_verbs'])})(?![\w-])", re.IGNORECASE)
        self._clause = re.compile(rf"(?<![\w-])(?:{_alternation(words['event_clause'])})(?![\w-])", re.IGNORECASE)
        anaphora = "|".join(sorted(words["anaphora"]["words"]))
        self._anaphoric = re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+(?:{anaphora})\b", re.IGNORECASE)
        markers = _alternation(lex.statement_markers)
        verbs = _alternation(lex.attribution_prefixed + lex.attribution_stems + lex.attribution_english)
        self._marker = re.compile(rf"(?:{markers})", re.IGNORECASE)
        self._verb = re.compile(rf"(?<![\w-])(?:{verbs})(?:nya)?(?![\w-])", re.IGNORECASE)
        # Words of titles, organisation heads and countries say nothing of whose side one is on.
        generic = set(lex.org_heads) | set(lex.org_tails) | {t for t in lex.title_forms if " " not in t} | {
            "Indonesia", "Jepang", "Japan", "Republik", "Republic", "Japanese", "Indonesian", "Pemerintah",
            "Government", "Nasional", "National", "Provinsi", "Prefektur", "Kabupaten"}
        self._generic = {w for g in generic for w in g.split()}
        self._venue = re.compile(r"(?:kantor|gedung|ruang|aula|hotel|kampus|markas|istana|wisma|balai|pabrik|"
                                 r"Kantor|Gedung|Ruang|Aula|Hotel|Kampus|Markas|Istana|Wisma|Balai|Pabrik|BLK)\b")
        self._with = re.compile(r"\s+(?:dengan|with)\s+", re.IGNORECASE)
        self._party_link = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:dengan|antara|bersama|with|and)\s+$", re.IGNORECASE)
        self._place = re.compile(
            r"\b(?:di|in|at)\s+(?P<place>(?:(?:kantor|gedung|ruang|aula|hotel|kampus|markas|istana|wisma)\s+)?"
            r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|dan|of))*(?:,\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)*)")

    def kind_of(self, trigger: str) -> str:
        word = trigger.lower()
        for key, kind in self._kinds.items():
            if key in word:
                return kind
        return "meeting"

    def find(self, article: Article, dates: list[DateRef], quotes: list[Span],
             people: list[EntityAt], orgs: list[EntityAt], place_names: list[EntityAt],
             speakers: list[tuple[Span, EntityAt]] = ()) -> list[FoundMeeting]:
        """``speakers``: each quote's span and its speaker, when known: a speaker quoted in a
        sentence that tells the event spoke there, and takes part."""
        text = article.text
        # Looked up by position, sentence by sentence (bisection, not scans: long articles).
        quote_index = ByStart(quotes)
        people_index, org_index = ByStart(people), ByStart(orgs)
        date_index = ByStart(dates)
        quoted = ByStart(_Quoted(q.start, q.end, who) for q, who in speakers)

        def in_quote(pos: int) -> bool:
            return quote_index.covering(pos) is not None

        events: list[FoundMeeting] = []
        by_date: dict[dt.date, FoundMeeting] = {}
        sentences = list(article.sentences)
        for sentence, words in zip(sentences, self._trigger_words.find_each(text, sentences)):
            hits = [_Hit(s, e, text[s:e]) for s, e, _ in words
                    if not (s > 0 and text[s - 1] == "-") and text[e:e + 1] != "-" and not in_quote(s)
                    and not self._not_event.match(text, e, sentence.end)]
            if not hits:
                continue
            strong = [m for m in hits if m.group(0).lower() not in self._soft]
            trigger = (strong or hits)[0]
            anaphoric = bool(self._anaphoric.match(text, trigger.end(), sentence.end))
            all_dated = self._event_dates(text, sentence, date_index.between(sentence.start, sentence.end), in_quote)
            dated = [(d, rule) for d, rule in all_dated if d.date is not None]
            # A date the text prints without a year that nothing tells ("Ahad, (20/03)" and no
            # publication date): kept as printed, with no calendar date.
            unresolved = next(((d, rule) for d, rule in all_dated if d.date is None), None)
            opens = bool(strong) or bool(all_dated) or self._organised_here(text, sentence)
            event = None
            if dated:
                d, rule = dated[0]
                event = by_date.get(d.date)
                if event is None:
                    undated = next((e for e in events if e.date is None or e.date.date is None), None)
                    if undated is not None and not anaphoric:
                        event = undated
                        event.date, event.date_rule = d, rule
                        event.sentence = sentence
                    else:
                        event = FoundMeeting(self.kind_of(trigger.group(0)), d, None, [], [], sentence,
                                             trigger=trigger.group(0), date_rule=rule)
                        events.append(event)
                    by_date[d.date] = event
            elif events:
                event = events[-1] if anaphoric else events[0]
            elif opens:
                event = FoundMeeting(self.kind_of(trigger.group(0)), None, None, [], [], sentence,
                                     trigger=trigger.group(0))
                events.append(event)
            if event is None:
                continue
            if unresolved is not None and event.date is None:
                event.date, event.date_rule = unresolved
            if strong and event.trigger.lower() in self._soft:
                # "acara", "seleksi" opened it; the word that names the event tells its kind.
                event.kind, event.trigger = self.kind_of(trigger.group(0)), trigger.group(0)
            event.sentences.append(sentence)
            self._add_parties(text, event, sentence, trigger, people_index.between(sentence.start, sentence.end),
                              org_index.between(sentence.start, sentence.end), in_quote)
            for q in quoted.overlapping(sentence.start, sentence.end):
                if q.speaker.entity_id not in {p.entity_id for p in event.participants}:
                    event.participants.append(q.speaker)

        events = [part for event in events for part in self._split_by_counterpart(text, event, people_index, in_quote)]
        if len(events) == 1 and not events[0].participants and not events[0].organisations:
            self._add_quoted_speakers(article, events[0], speakers)
        roles = self._roles_by_person(text, people)
        place_index = ByStart(place_names)
        place_starts = {p.start for p in place_names}
        for event in events:
            self._drop_affiliations(event, roles)
            if event.date is None or event.date.date is None:
                lead = self._lead_date(article, date_index, text, in_quote)
                if lead is not None:
                    event.date, event.date_rule = lead, describe_date(lead) + "; taken from the lead (the event's own sentences give none)"
            event.place = self._place_of(text, event, article, place_starts, place_index)
        return [e for e in events if e.participants or e.organisations or e.date]

    # ------------------------------------------------------------------
    def _add_quoted_speakers(self, article: Article, event: FoundMeeting, speakers) -> None:
        """An event told with nobody named, in an article that tells it alone: the people the
        article quotes spoke of it, most likely there — unless a quote is dated as a statement
        to the press ("dalam keterangannya"). A guess, so the meeting is marked unsure."""
        text = article.text
        sentences = ByStart(article.sentences)
        have: set[str] = set()
        added = []
        for quote, speaker in speakers:
            if speaker.entity_id in have:
                continue
            sentence = sentences.covering(min(quote.end, len(text) - 1)) if len(text) else None
            if sentence is not None and self._marker.search(text, sentence.start, min(len(text), sentence.end + 2)):
                continue
            event.participants.append(speaker)
            have.add(speaker.entity_id)
            added.append(speaker.name)
        if added:
            event.quoted_note = ("participants: nobody named in the event's sentences; the people the article "
                                 "quotes (it tells this event alone): " + ", ".join(added))

    def _split_by_counterpart(self, text: str, event: FoundMeeting, people: ByStart, in_quote) -> list[FoundMeeting]:
        """One visit, several meetings: "bertemu dengan A, serta B … Dalam pertemuan dengan A …
        Saat bertemu dengan B …" — each counterpart met gets a meeting of its own."""
        if len(event.participants) < 3:
            return [event]
        ids = {p.entity_id for p in event.participants}
        counterparts: dict[str, tuple[EntityAt, Span]] = {}
        for sentence in event.sentences:
            for m in self._trigger.finditer(text, sentence.start, sentence.end):
                link = self._with.match(text, m.end(), sentence.end)
                if not link or in_quote(m.start()):
                    continue
                after = [p for p in people.between(link.end(), min(sentence.end, link.end() + 80))
                         if p.entity_id in ids]
                if after:
                    first = min(after, key=lambda p: p.start)
                    counterparts.setdefault(first.entity_id, (first, sentence))
        if len(counterparts) < 2:
            return [event]
        hosts = [p for p in event.participants if p.entity_id not in counterparts]
        if not hosts:
            return [event]
        parts = []
        for n, (who, sentence) in enumerate(counterparts.values()):
            part = event if n == 0 else FoundMeeting(event.kind, event.date, None, [], list(event.organisations),
                                                     sentence, [sentence], event.trigger, event.date_rule)
            part.participants = hosts + [who]
            part.split_note = f"one of {len(counterparts)} meetings of the same visit (met {who.name})"
            parts.append(part)
        return parts

    def _roles_by_person(self, text: str, people: list[EntityAt]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for p in people:
            if p.role_span is not None:
                out.setdefault(p.entity_id, []).append(text[p.role_span.start:p.role_span.end])
        return out

    def _drop_affiliations(self, event: FoundMeeting, roles: dict[str, list[str]]) -> None:
        """An organisation is a party only for a side no named person stands for: the one a
        participant's role names ("Menteri Ketenagakerjaan X" — Kementerian Ketenagakerjaan;
        "CEO IM Japan Y" — IM Japan) is that person's affiliation."""
        texts = [t for p in event.participants for t in roles.get(p.entity_id, ())]
        if not texts or not event.organisations:
            return
        role_words = {w for t in texts for w in re.findall(r"[^\W\d_]{6,}", t)} - self._generic
        kept = []
        for o in event.organisations:
            forms = o.names or (o.name,)
            named = any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", t) for f in forms if len(f) >= 2 for t in texts)
            shared = {w for f in forms for w in re.findall(r"[^\W\d_]{6,}", f)} & role_words
            if not (named or shared):
                kept.append(o)
        event.organisations = kept

    def _event_dates(self, text: str, sentence: Span, dates: list[DateRef], in_quote) -> list[tuple[DateRef, str]]:
        out = []
        for d in dates:
            if d.precision != "day" \
                    or in_quote(d.start):
                continue
            verdict = self._date_verdict(text, sentence, d, in_quote)
            if verdict is not None:
                out.append((d, verdict))
        return out

    def _date_verdict(self, text: str, sentence: Span, d: DateRef, in_quote) -> str | None:
        """Why a date is the event's (in words), or None when it is a statement's date."""
        how = describe_date(d)
        before = text[sentence.start:d.start]
        verb = None
        for m in self._verb.finditer(before):
            if not in_quote(sentence.start + m.start()):
                verb = m
        if self._marker.search(before[-80:]) and not self._event_between(text, sentence.start + len(before) - 80, d.start, in_quote):
            return None                     # "dalam keterangannya, Rabu (29/11)"
        if verb is None or d.start - (sentence.start + verb.end()) > _CLAUSE_REACH:
            return how
        # The date follows an attribution verb: a statement's date unless an event clause
        # stands between them ("ujar X dalam sambutannya di Rakor …, Selasa (19/9)") or right
        # after the date ("kata X, Ahad (20/3), saat ditemui usai kunjungannya …").
        clause = self._event_between(text, sentence.start + verb.start(), d.start, in_quote)
        if clause is None:
            after_end = min(sentence.end, d.end + 80)
            clause = self._event_between(text, d.end, after_end, in_quote, clause_first=True)
        if clause is not None:
            return f"{how}; a statement made at the event (`{clause}`)"
        # "Menteri mengatakan, pertemuan dengan … digelar di Tokyo, Senin (6/11)": what is said
        # is the event itself, dated.
        told = next((m for m in self._trigger.finditer(text, sentence.start + verb.end(), d.start)
                     if not in_quote(m.start())), None)
        if told is not None:
            return f"{how}; the event (`{told.group(0)}`) is what the sentence reports"
        return None

    def _event_between(self, text: str, start: int, end: int, in_quote, clause_first: bool = False) -> str | None:
        start = max(0, start)
        for m in self._trigger.finditer(text, start, end):
            if in_quote(m.start()):
                continue
            c = None
            for c in self._clause.finditer(text, start, m.start()):
                pass
            if c is not None and (not clause_first or c.start() - start < 30):
                return " ".join(text[c.start():m.end()].split())
        return None

    def _organised_here(self, text: str, sentence: Span) -> bool:
        """A soft event word opens an event in a sentence that organises it."""
        return bool(self._event_verb.search(text, sentence.start, sentence.end))

    def _lead_date(self, article: Article, dates: ByStart, text: str, in_quote) -> DateRef | None:
        """An event told without a date takes the first event-like date of the lead, if any."""
        for sentence in article.sentences[:_LEAD_SENTENCES]:
            for d in dates.between(sentence.start, sentence.end):
                if d.date and d.precision == "day" \
                        and any(ch.isdigit() for ch in d.text) and not in_quote(d.start) \
                        and self._date_verdict(text, sentence, d, in_quote) is not None:
                    return d
        return None

    def _add_parties(self, text, event, sentence, trigger, people, orgs, in_quote) -> None:
        have = {p.entity_id for p in event.participants}
        sentence_people = [p for p in people if not in_quote(p.start)]
        for p in sentence_people:
            if p.entity_id not in have:
                event.participants.append(p)
                have.add(p.entity_id)
        roles = [p.role_span for p in event.participants if p.role_span]
        have_org = {o.entity_id for o in event.organisations}
        for o in orgs:
            if in_quote(o.start) or o.entity_id in have_org:
                continue
            if any(r.start <= o.start < r.end for r in roles):
                continue                                  # the affiliation of a participant
            subject = o.end <= trigger.start() and self._subject_chain(text, o, trigger.start(), orgs, sentence)
            linked = o.start >= trigger.end() and self._party_link.match(text[trigger.end():o.start])
            if subject or linked:
                event.organisations.append(o)
                have_org.add(o.entity_id)

    def _subject_chain(self, text: str, org: EntityAt, trigger_at: int, orgs: list[EntityAt], sentence: Span) -> bool:
        """The organisation heads the clause that tells the meeting: "Kemnaker (…) bersama BP2MI
        menandatangani …" — nothing but other parties, linking words and parentheses between."""
        pos = org.end
        later = sorted((o for o in orgs if pos <= o.start < trigger_at and sentence.start <= o.start), key=lambda o: o.start)
        for nxt in later + [None]:
            stop = nxt.start if nxt else trigger_at
            gap = re.sub(r"\([^()]*\)|[()]", " ", text[pos:stop])
            words = [w for w in re.split(r"[\s,]+", gap) if w]
            if nxt is None:
                return len(words) <= 2
            if not all(w.lower() in _LINKS for w in words):
                return False
            pos = nxt.end
        return False

    def _place_of(self, text: str, event: FoundMeeting, article: Article,
                  place_starts: set[int], places: ByStart) -> str | None:
        """Where the event took place: a building or venue named in its sentences first
        ("di Kantor Disnakertrans …", "at the residence"), else a known place in the sentence
        that dates it (the last one: "… Program in Japan … di Jakarta Timur"), else the dateline."""
        sentences = [event.sentence] + [s for s in event.sentences if s != event.sentence]
        venue = known = first = None
        for n, sentence in enumerate(sentences):
            for m in self._place.finditer(text, sentence.start, sentence.end):
                place = m.group("place").strip(" ,")
                # Drop a trailing date word ("Jakarta, Senin") that the pattern swallowed.
                place = re.sub(r",\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|"
                               r"Thursday|Friday|Saturday|Sunday)\b.*$", "", place)
                # After a comma, only a known place continues it ("Tokyo, Jepang"), not a name
                # ("… in Surabaya, Kenta Mori, head of …").
                pieces = place.split(",")
                kept, pos = [pieces[0]], m.start("place") + len(pieces[0]) + 1
                for piece in pieces[1:]:
                    at = pos + len(piece) - len(piece.lstrip())
                    if at not in place_starts:
                        break
                    kept.append(piece)
                    pos += len(piece) + 1
                place = ",".join(kept).strip(" ,")
                if not place:
                    continue
                if venue is None and self._venue.match(place):
                    venue = place
                if n == 0:
                    first = first or place
                    if places.between(m.start("place"), m.end("place")):
                        known = place
        return venue or known or first or article.dateline
