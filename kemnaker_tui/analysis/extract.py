"""Run every extractor over the articles and merge entities across the corpus.

Order matters: entities first (quotes need speakers, meetings need
participants), then dates, quotes, meetings and figures per article.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from collections.abc import Callable, Iterable

from kemnaker_tui.analysis.dates import find_dates
from kemnaker_tui.analysis.entities import ArticleMentions, EntityFinder
from kemnaker_tui.analysis.figures import FigureFinder, figure_id
from kemnaker_tui.analysis.lexicon import Lexicon, base_lexicon
from kemnaker_tui.analysis.meetings import EntityAt, MeetingFinder, meeting_id
from kemnaker_tui.analysis.quotes import PersonAt, QuoteFinder, quote_id
from kemnaker_tui.analysis.resolve import Resolver, person_roles
from kemnaker_tui.analysis.resolve_trace import Replay
from kemnaker_tui.analysis.useraliases import UserAliases
from kemnaker_tui.model import Article, DateRef, Entity, Figure, Meeting, MentionList, Quote, Span


def lexicon_with(user: UserAliases) -> Lexicon:
    base = base_lexicon()
    if not user.entities:
        return base
    lex = dataclasses.replace(base, known=list(user.entities) + list(base.known))
    return lex


class Extractors:
    """The extractors of one lexicon, built once (regexes, matchers)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.entities = EntityFinder(lex)
        self.quotes = QuoteFinder(lex)
        self.meetings = MeetingFinder(lex)
        self.figures = FigureFinder(lex)


_BASE_EXTRACTORS: Extractors | None = None


def extractors_for(lex: Lexicon) -> Extractors:
    global _BASE_EXTRACTORS
    if lex is base_lexicon():
        if _BASE_EXTRACTORS is None:
            _BASE_EXTRACTORS = Extractors(lex)
        return _BASE_EXTRACTORS
    return Extractors(lex)


@dataclasses.dataclass(slots=True)
class DocumentFindings:
    """What one article yields on its own, before the corpus is known: its
    entity mentions and its dates. Cacheable by the article's content (the
    library stores it) and computed in worker processes."""
    article: Article
    mentions: ArticleMentions
    dates: list[DateRef]


def find_in_document(article: Article, ex: Extractors) -> DocumentFindings:
    """The per-document stage (no other article needed)."""
    return DocumentFindings(article, ex.entities.find(article),
                            find_dates(article.text, article.published, article.sentences, article.language))


def extract_corpus(articles: list[Article], alias_file: str | os.PathLike | None = None,
                   user: UserAliases | None = None):
    user = user if user is not None else UserAliases.load(alias_file)
    lex = lexicon_with(user)
    ex = extractors_for(lex)
    return merge_corpus([find_in_document(a, ex) for a in articles], ex, user)


@dataclasses.dataclass
class MergeReuse:
    """An earlier merge's per-article results, reused for an article whose inputs
    to the per-article finders (quotes, meetings, figures) are the same as then:
    the same document (``tags``: its stored id, under the same analysis version),
    the same entities at the same places (ids, names, types, an organisation's
    names) and the same person roles. Everything else an article's quotes,
    meetings and figures depend on is in the document itself, so the result
    equals a fresh merge; only the resolver still runs over the whole corpus."""
    tags: list[str]                                     # per ``found`` item, "" = never reuse
    before: dict[str, tuple[bytes, tuple, tuple, tuple]]   # article key -> (fingerprint, quotes, meetings, figures)
    after: dict[str, bytes] = dataclasses.field(default_factory=dict)   # filled: article key -> fingerprint
    reused: int = 0


def entity_part(ent: Entity) -> tuple:
    """What of an entity an article's quotes, meetings and figures read."""
    return ent.id, ent.name, ent.type, ent.all_names if ent.type == "organisation" else ()


def _fingerprint(tag: str, article: Article, roles: tuple, spots) -> bytes:
    where = tuple((s, e, *entity_part(ent)) for s, e, ent in spots)
    # by value (repr), not pickle: pickle's bytes differ with which equal strings are one object
    return hashlib.blake2b(repr((tag, article.key, roles, where)).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


# Runs ``work(lo, hi)`` over positions 0..n in parts, maybe in other processes, and yields
# (lo, that part's results) in any order, and (None, k) when k more articles were done
# elsewhere whose results come later (progress only): how the library spreads the per-article finders
# over cores.
ArticleMap = Callable[[Callable[[int, int], list], int], "Iterable[tuple[int | None, list | int]]"]


def merge_corpus(found: list[DocumentFindings], ex: Extractors, user: UserAliases,
                 progress: Callable[[int, int], None] | None = None, reuse: MergeReuse | None = None,
                 article_map: ArticleMap | None = None, replay: Replay | None = None):
    """The corpus stage: merge entities across articles, then each article's
    quotes, meetings and figures with the merged entities. ``found`` is
    consumed (the merge edits each article's mentions in place).
    ``progress(done, total)`` counts articles. ``article_map``: runs the
    per-article finders in parts (worker processes); None runs them here.
    ``replay``: the resolver replays the last merge's traces (``resolve_trace``);
    a ``found`` item may then have no mentions (None), fetched when needed."""
    total = len(found)
    docs = [(f.article, f.mentions) for f in found]
    # progress: the resolver's passes over the articles and then the per-article loop
    passes = _RESOLVE_PASSES
    steps = (passes + 1) * total
    resolver = Resolver(ex.lex, ex.entities, user)
    if progress:
        entities = resolver.resolve(_Counted(docs, lambda n: progress(min(n, passes * total), steps)), replay)
    else:
        entities = resolver.resolve(docs, replay)
    dates_of = {f.article.key: f.dates for f in found}
    for n, f in (replay.found.items() if replay is not None else ()):   # placed afresh: as the resolver made them
        docs[n] = (docs[n][0], f.mentions)
        dates_of[docs[n][0].key] = f.dates

    # An article's results: reused from the last merge when its inputs are the same, else found.
    results: list[tuple | None] = [None] * total
    seen: set[str] = set()
    twice = {a.key for a, _am in docs if a.key in seen or seen.add(a.key)}
    changed_clusters: set[str] = set()
    if replay is not None:
        replay.entities = {k: entity_part(e) for k, e in resolver.entity_of.items()}
        changed_clusters = replay.changed_clusters()
    unchanged: list[bool] = [False] * total   # replayed, and its entities at their places as they were
    if reuse is not None and replay is not None:
        for n, (article, _am) in enumerate(docs):
            replayed = replay.replayed_at(n)
            unchanged[n] = replayed is not None and reuse.tags[n] != "" and article.key not in twice and \
                article.key in reuse.before and replayed.cluster_keys().isdisjoint(changed_clusters) and \
                replayed.starts_unique()
    spots_of = _spots(entities, docs, resolver, replay, twice, total - sum(unchanged))
    if reuse is not None:
        for n, (article, am) in enumerate(docs):
            if not reuse.tags[n] or article.key in twice:
                continue
            old = reuse.before.get(article.key)
            if unchanged[n]:
                # the same document, the same adds, and each of their clusters the same entity
                # as then: the same entities at the same places, the same fingerprint
                fp = reuse.after[article.key] = old[0]
            else:
                roles = replay.after[n].roles if replay is not None else person_roles(am)
                fp = reuse.after[article.key] = _fingerprint(reuse.tags[n], article, roles, spots_of(n))
            if old is not None and old[0] == fp:
                results[n] = old[1:]
                reuse.reused += 1
    todo = [n for n in range(total) if results[n] is None]
    for n in todo:
        if docs[n][1] is None:          # replayed, its findings not reusable: its mentions as placed
            f = replay.findings(n)
            resolver.place_again(docs[n][0], f.mentions, replay.after[n], replay.tables)
            docs[n] = (docs[n][0], f.mentions)
            dates_of[docs[n][0].key] = f.dates

    def work(lo: int, hi: int) -> list[tuple]:
        out = []
        for n in todo[lo:hi]:
            article, am = docs[n]
            out.append(_article_findings(ex, article, am, spots_of(n), dates_of[article.key]))
        return out

    done = total - len(todo)
    parts = article_map(work, len(todo)) if article_map is not None and todo else \
        ((lo, work(lo, lo + 200)) for lo in range(0, len(todo), 200))
    elsewhere = 0           # articles done in other processes whose results are still to come
    for lo, part in parts:
        if lo is None:
            elsewhere += part
        else:
            for k, got in enumerate(part):
                results[todo[lo + k]] = got
            done += len(part)
        if progress:
            progress(passes * total + min(total, done + elsewhere), steps)
    if progress:
        progress(steps, steps)
    meetings: list[Meeting] = []
    quotes: list[Quote] = []
    figures: list[Figure] = []
    for q, m, f in results:
        quotes.extend(q)
        meetings.extend(m)
        figures.extend(f)
    return entities, meetings, quotes, figures


def _spots(entities: list[Entity], docs: list, resolver: Resolver, replay: Replay | None, twice: set[str],
           wanted: int) -> Callable[[int], list[tuple[int, int, Entity]]]:
    """spots(n): (start, end, entity) of every entity mention in article n, by start (in
    the entities' order where two start together). For all articles at once from every
    entity's mentions; when few are wanted and each article's clusters are known from
    its trace, for one article at a time from the entities of its clusters."""
    if replay is None or twice or wanted * 4 > len(docs):
        by_article: dict[str, list[tuple[int, int, Entity]]] = {}
        for e in entities:
            rows = e.mentions.spans() if isinstance(e.mentions, MentionList) else \
                ((m.article, m.start, m.end) for m in e.mentions)
            for key, start, end in rows:
                by_article.setdefault(key, []).append((start, end, e))
        for spots in by_article.values():
            spots.sort(key=lambda s: s[0])
        return lambda n: by_article.get(docs[n][0].key, [])
    place = {id(e): i for i, e in enumerate(entities)}
    entity_of = resolver.entity_of

    def spots_of(n: int) -> list[tuple[int, int, Entity]]:
        key = docs[n][0].key
        mine = {id(e): e for e in map(entity_of.get, replay.after[n].cluster_keys()) if e is not None}
        spots = []
        for e in sorted(mine.values(), key=lambda e: place[id(e)]):
            spots.extend((m.start, m.end, e) for m in e.mentions.in_article(key))
        spots.sort(key=lambda s: s[0])
        return spots
    return spots_of


def _article_findings(ex: Extractors, article: Article, am, spots, dates) -> tuple[list, list, list]:
    """One article's quotes, meetings and figures, given the merged entities at their places."""
    quote_finder, meeting_finder, figure_finder = ex.quotes, ex.meetings, ex.figures
    quotes: list[Quote] = []
    meetings: list[Meeting] = []
    figures: list[Figure] = []
    people = [PersonAt(s, e, ent.id, ent.name) for s, e, ent in spots if ent.type == "person"]

    found_quotes = quote_finder.find(article, people)
    for q in found_quotes:
        quotes.append(Quote(
            id=quote_id(article.key, q.start), article=article.key, text=article.text[q.start:q.end],
            start=q.start, end=q.end, speaker=q.speaker.name if q.speaker else None,
            speaker_id=q.speaker.entity_id if q.speaker else None, attribution=q.attribution,
            unterminated=q.unterminated, why=_shared(q.why), unsure=q.unsure))
    quote_spans = [Span(q.start, q.end) for q in found_quotes]

    role_spans = _role_spans(article, am)
    people_at = [EntityAt(s, e, ent.id, ent.name, "person", role_spans.get((s, e)))
                 for s, e, ent in spots if ent.type == "person"]
    orgs_at = [EntityAt(s, e, ent.id, ent.name, ent.type, names=ent.all_names)
               for s, e, ent in spots if ent.type == "organisation"]
    places_at = [EntityAt(s, e, ent.id, ent.name, ent.type) for s, e, ent in spots if ent.type == "place"]
    by_person = {p.entity_id: p for p in people_at}
    speakers = [(Span(q.start, q.end), by_person.get(q.speaker.entity_id) or
                 EntityAt(q.speaker.start, q.speaker.end, q.speaker.entity_id, q.speaker.name, "person"))
                for q in found_quotes if q.speaker]
    for fm in meeting_finder.find(article, dates, quote_spans, people_at, orgs_at, places_at, speakers):
        all_orgs = []
        for o in orgs_at:
            if any(s.start <= o.start < s.end for s in fm.sentences) and o.name not in all_orgs:
                all_orgs.append(o.name)
        participants = [p.name for p in fm.participants] + [o.name for o in fm.organisations]
        ids = [p.entity_id for p in fm.participants] + [o.entity_id for o in fm.organisations]
        meetings.append(Meeting(
            id=meeting_id(article.key, fm.sentence.start), article=article.key, kind=fm.kind,
            date=fm.date.date if fm.date else None, date_text=fm.date.text if fm.date else None,
            year_inferred=bool(fm.date and fm.date.year_inferred), place=fm.place,
            participants=tuple(dict.fromkeys(participants)), participant_ids=tuple(dict.fromkeys(ids)),
            organisations=tuple(all_orgs), summary=_summary(article.text, fm.sentence),
            start=fm.sentence.start, end=fm.sentence.end, why=_shared(fm.why), unsure=fm.unsure))

    date_spans = [Span(d.start, d.end) for d in dates]
    for f in figure_finder.find(article, date_spans, speakers, people_at, orgs_at, quote_spans):
        figures.append(Figure(
            id=figure_id(article.key, f.start), article=article.key, value=f.value,
            # units and printed figures repeat across a corpus ("100 orang"): one string each
            # (a part found in another process shares them within the part)
            unit=sys.intern(f.unit) if f.unit else None, text=sys.intern(article.text[f.start:f.end]),
            start=f.start, end=f.end, sentence=f.sentence, claimed_by=f.claimed_by,
            claimed_by_id=f.claimed_by_id, why=_shared(f.why), unsure=f.unsure))
    return quotes, meetings, figures


_RESOLVE_PASSES = 2      # times Resolver.resolve walks the article list (for progress only)


class _Counted(list):
    """A list that reports how many items its loops have handed out (every
    200), so the merge shows progress without the resolver knowing."""

    def __init__(self, items, report) -> None:
        super().__init__(items)
        self._report = report
        self._given = 0

    def __iter__(self):
        for item in super().__iter__():
            self._given += 1
            if self._given % 200 == 0:
                self._report(self._given)
            yield item


def _shared(text: str | None) -> str | None:
    """One string object for text that repeats across a corpus: the reasons (``why``)
    take a few hundred forms over hundreds of thousands of figures and quotes; the
    snapshot then holds each once."""
    return sys.intern(text) if text else text


def _role_spans(article: Article, am) -> dict[tuple[int, int], Span]:
    """Where each person mention's role is printed (its affiliation lives there)."""
    out = {}
    text = article.text
    for m in am.mentions:
        if m.type == "person" and m.role:
            # The role stands right before the name, or right after it (appositive).
            before = text.rfind(m.role.split()[0], max(0, m.start - len(m.role) - 40), m.start)
            if before >= 0 and m.source != "appositive":
                out[(m.start, m.end)] = Span(before, m.start)
            else:
                out[(m.start, m.end)] = Span(m.end, min(len(text), m.end + len(m.role) + 40))
    return out


def _summary(text: str, sentence: Span, limit: int = 220) -> str:
    line = " ".join(text[sentence.start:sentence.end].split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + " …"
