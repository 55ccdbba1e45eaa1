"""Meetings told in an article: meetings, visits, courtesy calls, forums,
signings — with the date of the event (not of the press statement), place,
participants, a one-line summary and the evidence sentence.

Sentences carrying a meeting word are grouped into events: a dated sentence
opens (or joins) the event of that date; "pertemuan ini", "forum tersebut"
refer back to the event already told; an article telling one event in several
sentences yields one meeting.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from kemnaker_tui.analysis.lexicon import Lexicon
from kemnaker_tui.model import Article, DateRef, Span

# Words that join parties of one meeting: "Kemnaker bersama BP2MI", "JICA dan Kemnaker".
_LINKS = frozenset("bersama dan serta dengan and with together juga".split())

# Sentences this far into the body may still carry the date of an event told without one.
_LEAD_SENTENCES = 6


@dataclass
class EntityAt:
    start: int
    end: int
    entity_id: str
    name: str
    type: str
    role_span: Span | None = None     # for people: where their role is printed


@dataclass
class FoundMeeting:
    kind: str
    date: DateRef | None
    place: str | None
    participants: list[EntityAt]
    organisations: list[EntityAt]
    sentence: Span
    sentences: list[Span] = field(default_factory=list)


def meeting_id(article_key: str, start: int) -> str:
    return "m-" + hashlib.sha1(f"{article_key}:{start}".encode()).hexdigest()[:8]


class MeetingFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        triggers = sorted((re.escape(t) for t in lex.meeting_triggers), key=len, reverse=True)
        self._trigger = re.compile(rf"(?<![\w-])(?:{'|'.join(triggers)})(?![\w-])", re.IGNORECASE)
        anaphora = "|".join(sorted(lex.anaphora))
        self._anaphoric = re.compile(rf"^(?:\s+[\w-]+){{0,3}}?\s+(?:{anaphora})\b", re.IGNORECASE)
        markers = "|".join(re.escape(m) for m in lex.statement_markers)
        verbs = "|".join(re.escape(v) for v in lex.attribution_prefixed + lex.attribution_stems + lex.attribution_english)
        self._statement_before = re.compile(rf"(?:{markers}|[\"”]\s*,?\s*(?:{verbs})\w*\b[^\"“”]{{0,50}})[\s,]*$",
                                            re.IGNORECASE)
        self._party_link = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:dengan|antara|bersama|with|and)\s+$", re.IGNORECASE)
        self._place = re.compile(
            r"\b(?:di|in|at)\s+(?P<place>(?:(?:kantor|gedung|ruang|aula|hotel|kampus|markas|istana|wisma)\s+)?"
            r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|dan|of))*(?:,\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)*)")

    def find(self, article: Article, dates: list[DateRef], quotes: list[Span],
             people: list[EntityAt], orgs: list[EntityAt], place_names: list[EntityAt]) -> list[FoundMeeting]:
        text = article.text

        def in_quote(pos: int) -> bool:
            return any(q.start <= pos < q.end for q in quotes)

        def event_dates(sentence: Span) -> list[DateRef]:
            return [d for d in dates if sentence.start <= d.start < sentence.end and d.date and
                    d.precision == "day" and not in_quote(d.start) and not self._is_statement_date(text, sentence, d)]

        events: list[FoundMeeting] = []
        by_date: dict[dt.date, FoundMeeting] = {}
        for sentence in article.sentences:
            hits = [m for m in self._trigger.finditer(text, sentence.start, sentence.end) if not in_quote(m.start())]
            if not hits:
                continue
            trigger = hits[0]
            anaphoric = bool(self._anaphoric.match(text, trigger.end(), sentence.end))
            dated = event_dates(sentence)
            event = None
            if dated:
                event = by_date.get(dated[0].date)
                if event is None:
                    undated = next((e for e in events if e.date is None), None)
                    if undated is not None and not anaphoric:
                        event = undated
                        event.date = dated[0]
                        event.sentence = sentence
                    else:
                        event = FoundMeeting(self.lex.kind_of_trigger(trigger.group(0).lower()), dated[0], None,
                                             [], [], sentence)
                        events.append(event)
                    by_date[dated[0].date] = event
            elif events:
                event = events[-1] if anaphoric else events[0]
            else:
                event = FoundMeeting(self.lex.kind_of_trigger(trigger.group(0).lower()), None, None, [], [], sentence)
                events.append(event)
            event.sentences.append(sentence)
            self._add_parties(text, event, sentence, trigger, people, orgs, in_quote)

        for event in events:
            if event.date is None:
                event.date = self._lead_date(article, dates, text, in_quote)
            event.place = self._place_of(text, event, article)
        return [e for e in events if e.participants or e.organisations or e.date]

    # ------------------------------------------------------------------
    def _is_statement_date(self, text: str, sentence: Span, d: DateRef) -> bool:
        """"…," kata Anwar, Senin (28/11/2022) — the day of the statement, not of the event."""
        return bool(self._statement_before.search(text[sentence.start:d.start]))

    def _lead_date(self, article: Article, dates: list[DateRef], text: str, in_quote) -> DateRef | None:
        """An event told without a date takes the first dated statement of the lead, if any."""
        lead = article.sentences[:_LEAD_SENTENCES]
        for sentence in lead:
            for d in dates:
                if sentence.start <= d.start < sentence.end and d.date and d.precision == "day" \
                        and not in_quote(d.start) and not self._is_statement_date(text, sentence, d):
                    return d
        return None

    def _add_parties(self, text, event, sentence, trigger, people, orgs, in_quote) -> None:
        have = {p.entity_id for p in event.participants}
        sentence_people = [p for p in people if sentence.start <= p.start < sentence.end and not in_quote(p.start)]
        for p in sentence_people:
            if p.entity_id not in have:
                event.participants.append(p)
                have.add(p.entity_id)
        roles = [p.role_span for p in event.participants if p.role_span]
        have_org = {o.entity_id for o in event.organisations}
        for o in orgs:
            if not (sentence.start <= o.start < sentence.end) or in_quote(o.start) or o.entity_id in have_org:
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

    def _place_of(self, text: str, event: FoundMeeting, article: Article) -> str | None:
        for sentence in [event.sentence]:
            m = self._place.search(text, sentence.start, sentence.end)
            if m:
                place = m.group("place").strip(" ,")
                # Drop a trailing date word ("Jakarta, Senin") that the pattern swallowed.
                place = re.sub(r",\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b.*$", "", place)
                return place
        return article.dateline
