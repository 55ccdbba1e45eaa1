"""Apply corrections to an analysed Corpus: a corrected Corpus, the corrections
that found no target (with reasons), and which facts were corrected.

Nothing the analysis learned is thrown away: a merge keeps every alias, role and
mention of both entities; a split moves only the mentions it names; quotes,
meetings and figures keep their speakers, participants and claimants unless a
correction concerns them — references to a merged, split or renamed entity
follow it. Facts no correction touches are the very same objects (a corpus with
no corrections is returned as it is).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from kemnaker_tui.corrections import anchor as A
from kemnaker_tui.corrections.model import Anchor, Correction, Orphan
from kemnaker_tui.model import (ENTITY_TYPES, Corpus, Entity, Figure, Meeting, Mention, MentionList, Quote,
                                mention_articles, mentions_in)

MARK = "✎"


@dataclass
class Applied:
    corpus: Corpus
    orphans: list[Orphan] = field(default_factory=list)
    marks: dict[str, list[str]] = field(default_factory=dict)      # fact id / article key -> what changed
    meeting_links: list[tuple[str, str]] = field(default_factory=list)  # user merges of meetings
    applied: list[Correction] = field(default_factory=list)

    def mark(self, fact_id: str) -> str:
        """'✎ …' for a corrected fact, '' otherwise (what the explorer and --why show)."""
        notes = self.marks.get(fact_id)
        return f"{MARK} " + "; ".join(notes) if notes else ""


class _Gone(Exception):
    """The correction's target (or a value it names) is not in this corpus."""

    def __init__(self, reason: str, not_loaded: bool = False) -> None:
        super().__init__(reason)
        self.not_loaded = not_loaded


class _State:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.articles = {a.key: a for a in corpus.articles}
        self.entities: dict[str, Entity] = {e.id: e for e in corpus.entities}
        self.quotes: dict[str, Quote] = {q.id: q for q in corpus.quotes}
        self.meetings: dict[str, Meeting] = {m.id: m for m in corpus.meetings}
        self.figures: dict[str, Figure] = {f.id: f for f in corpus.figures}
        self.redirect: dict[str, str | None] = {}        # entity id -> where it went (None: dropped)
        self.entities_changed = False
        self.marks: dict[str, list[str]] = {}
        self.meeting_links: list[tuple[str, str]] = []

    # -- finding targets ----------------------------------------------------
    def follow(self, entity_id: str) -> str | None:
        seen = set()
        while entity_id in self.redirect and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.redirect[entity_id]
            if entity_id is None:
                return None
        return entity_id if entity_id in self.entities else None

    def article_of(self, anchor: Anchor):
        if anchor.article and anchor.article not in self.articles:
            raise _Gone(f"article {anchor.article} is not loaded", not_loaded=True)
        return self.articles.get(anchor.article)

    def entity(self, anchor: Anchor) -> Entity:
        if anchor.id:
            eid = self.follow(anchor.id) if anchor.id in self.redirect else anchor.id
            e = self.entities.get(eid) if eid else None
            if e is not None and self._same_entity(e, anchor):
                return e
        if anchor.article and anchor.start >= 0 and anchor.article in self.articles:
            spot = A.relocate(self.articles[anchor.article], anchor.start, anchor.end, anchor.text)
            if spot:
                e = A.entity_mention_at(self.entities.values(), anchor.article, *spot)
                if e is not None:
                    return e
        if anchor.name:
            found = A.entities_named(self.entities.values(), anchor.name)
            exact = [e for e in found if e.name.casefold() == anchor.name.casefold()]
            if len(exact) == 1 or len(found) == 1:
                return (exact or found)[0]
        if anchor.article and anchor.article not in self.articles:
            raise _Gone(f"article {anchor.article} is not loaded", not_loaded=True)
        raise _Gone(f"no entity {anchor.name or anchor.id} any more"
                    + (f" (nor at {anchor.article}:{anchor.start} “{anchor.text}”)" if anchor.article else ""))

    @staticmethod
    def _same_entity(e: Entity, anchor: Anchor) -> bool:
        if not anchor.name and not anchor.text:
            return True
        names = {n.casefold() for n in e.all_names}
        return (anchor.name.casefold() in names if anchor.name else False) or (
            bool(anchor.text) and any(m.text == anchor.text for m in mentions_in(e.mentions, anchor.article)))

    def _fact(self, anchor: Anchor, table: dict, label: str, text_of):
        item = table.get(anchor.id)
        if item is not None and (not anchor.text or item.article == anchor.article):
            article = self.articles.get(item.article)
            spot = A.relocate(article, anchor.start, anchor.end, anchor.text) if article and anchor.text else None
            if not anchor.text or (spot and item.start <= spot[0] < max(item.end, item.start + 1)) \
                    or (spot and spot[0] <= item.start < spot[1]):
                return item
        article = self.article_of(anchor)
        items = [x for x in table.values() if x.article == anchor.article]
        found = A.find_in_article(items, article, anchor, text_of(article) if label == "meeting" else text_of)
        if found is None:
            words = " ".join(anchor.text.split())[:60]
            raise _Gone(f"no {label} in {anchor.article} stands on “{words}” any more")
        return found

    def quote(self, anchor: Anchor) -> Quote:
        return self._fact(anchor, self.quotes, "quote", A.quote_text)

    def meeting(self, anchor: Anchor) -> Meeting:
        return self._fact(anchor, self.meetings, "meeting", A.meeting_text)

    def figure(self, anchor: Anchor) -> Figure:
        return self._fact(anchor, self.figures, "figure", A.figure_text)

    def target(self, anchor: Anchor):
        kind = anchor.kind
        if kind == "entity":
            return self.entity(anchor)
        if kind == "quote":
            return self.quote(anchor)
        if kind == "meeting":
            return self.meeting(anchor)
        if kind == "figure":
            return self.figure(anchor)
        if kind == "article":
            article = self.articles.get(anchor.article or anchor.id)
            if article is None:
                raise _Gone(f"article {anchor.article or anchor.id} is not loaded", not_loaded=True)
            return article
        raise _Gone(f"unknown target kind {kind}")

    # -- changing entities ----------------------------------------------------
    def put_entity(self, e: Entity) -> None:
        self.entities[e.id] = e
        self.entities_changed = True

    def new_id(self, etype: str, name: str) -> str:
        from kemnaker_tui.analysis.resolve import slug
        base = f"{etype}:{slug(name)}"
        eid, n = base, 2
        while eid in self.entities or eid in self.redirect:
            eid, n = f"{base}-{n}", n + 1
        return eid

    def merge(self, source: Entity, into: Entity) -> Entity:
        """``into`` with every name, role and mention of ``source``; references follow."""
        if source.id == into.id:
            return into
        names = [source.name] + ([source.acronym] if source.acronym else []) + list(source.aliases)
        merged = dataclasses.replace(
            into,
            aliases=_aliases(into, list(into.aliases) + names),
            acronym=into.acronym or (source.acronym if source.acronym != into.name else None),
            roles=tuple(dict.fromkeys(into.roles + source.roles)),
            mentions=_mention_list(list(into.mentions) + list(source.mentions)),
            unsure=into.unsure and source.unsure)
        del self.entities[source.id]
        self.redirect[source.id] = into.id
        self.put_entity(merged)
        return merged

    def mark(self, fact_id: str, c: Correction) -> None:
        origin = "aliases file:" if c.by == "aliases file" else f"#{c.n}"
        self.marks.setdefault(fact_id, []).append(f"{origin} {c.describe()}")

    def named_exactly(self, name: str) -> list[Entity]:
        """Entities whose name or acronym is ``name`` (the alias file's rename and drop)."""
        folded = name.casefold()
        return [e for e in self.entities.values()
                if e.name.casefold() == folded or (e.acronym or "").casefold() == folded]


def _aliases(e: Entity, forms) -> tuple[str, ...]:
    return tuple(sorted({f for f in forms if f and f != e.name and f != e.acronym}))


def _mention_list(mentions) -> MentionList:
    rows = sorted({(m.article, m.start, m.end, m.text) for m in mentions})
    return MentionList.from_rows(rows)


# -- the kinds ------------------------------------------------------------------

def _merge(st: _State, c: Correction) -> None:
    source = st.entity(c.target)
    into = st.entity(c.values["into"])
    if source.id == into.id:
        raise _Gone(f"{source.name} and {c.values['into'].name or c.values['into'].id} are already one entity")
    merged = st.merge(source, into)
    st.mark(merged.id, c)


def _split(st: _State, c: Correction) -> None:
    v = c.values
    forms = {f.casefold() for f in v.get("forms", [])}
    whole_corpus = c.by == "aliases file"        # an alias-file split takes the form from any entity
    sources = list(st.entities.values()) if whole_corpus else [st.entity(c.target)]
    wanted: set[tuple[str, int, int]] = set()
    for m in v.get("mentions", []):
        article = st.articles.get(m.article)
        spot = A.relocate(article, m.start, m.end, m.text) if article else None
        if spot:
            wanted.add((m.article, *spot))
    etype = v.get("type") or (sources[0].type if len(sources) == 1 else "person")
    name = v["name"]
    # Articles where a full form (two words or more) is printed: there, its single
    # words ("Usman", "Anwar") mean it too, unless the source's own full name is printed.
    full_forms = [f for f in forms if len(f.split()) >= 2]
    form_words = {w for f in full_forms for w in f.split()}
    # a full form also reaches a longer mention holding it; a one-word form only itself
    form_res = [re.compile(r"(?<!\w)" + re.escape(f) + r"(?!\w)") for f in full_forms]

    def has_form(text: str) -> bool:        # "Pengawas Anwar Usman" holds the form "anwar usman"
        t = text.casefold()
        return t in forms or any(r.search(t) for r in form_res)

    existing = [e for e in A.entities_named(st.entities.values(), name) if e.name.casefold() == name.casefold()]
    target_id = existing[0].id if existing else None      # an entity already so named receives the mentions
    # articles where a full form is printed (by any source): there its single words mean it too
    candidates = {}
    for src in sources:
        if whole_corpus and src.type not in ("person", etype):
            continue
        mentions = list(src.mentions) if not whole_corpus else [
            m for m in src.mentions if has_form(m.text) or m.text.casefold() in form_words]
        if mentions:
            candidates[src.id] = (src, mentions)
    full_in = {m.article for _src, mentions in candidates.values() for m in mentions
               if any(r.search(m.text.casefold()) for r in form_res)}
    moving: dict[str, list[Mention]] = {}
    for src_id, (src, mentions) in candidates.items():
        if src_id == target_id:
            continue
        # where the source's own full name is printed, its surname stays with it
        own = {m.article for m in mentions if len(src.name.split()) >= 2 and
               m.text.casefold() == src.name.casefold() and not has_form(src.name)}
        take = []
        for m in mentions:
            t = m.text.casefold()
            if has_form(m.text) or (m.article, m.start, m.end) in wanted or (
                    t in form_words and m.article in full_in and m.article not in own):
                take.append(m)
        if take:
            moving[src.id] = take
    if not moving:
        what = ", ".join(v.get("forms", [])) or f"{len(v.get('mentions', []))} mention(s)"
        raise _Gone(f"no mention of {what} to split" + (f" in {sources[0].name}" if len(sources) == 1 else ""))
    if target_id is not None:
        target = st.entities[target_id]
    else:
        target = Entity(st.new_id(etype, name), etype, name, None, (), (), MentionList(),
                        why=f"split by correction #{c.n}")
    moved_spans: dict[str, list[Mention]] = {}
    for src_id, take in moving.items():
        src = st.entities[src_id]
        keys = {(m.article, m.start, m.end) for m in take}
        keep = [m for m in src.mentions if (m.article, m.start, m.end) not in keys]
        if keep:
            st.put_entity(dataclasses.replace(src, mentions=_mention_list(keep)))
            st.mark(src_id, c)
        else:
            del st.entities[src_id]
            st.redirect[src_id] = target.id
            st.entities_changed = True
        moved_spans[src_id] = take
    all_moved = [m for take in moving.values() for m in take]
    target = dataclasses.replace(
        target, type=etype,
        aliases=_aliases(target, list(target.aliases) + [m.text for m in all_moved]),
        mentions=_mention_list(list(target.mentions) + all_moved))
    st.put_entity(target)
    st.mark(target.id, c)
    _follow_moved_mentions(st, moved_spans, target, c)


def _follow_moved_mentions(st: _State, moved: dict[str, list[Mention]], target: Entity, c: Correction) -> None:
    """Quotes attributed through a moved mention, and meetings whose participant
    stood on one, now belong to the split entity."""
    for src_id, mentions in moved.items():
        by_article: dict[str, list[Mention]] = {}
        for m in mentions:
            by_article.setdefault(m.article, []).append(m)
        for q in list(st.quotes.values()):
            if q.speaker_id != src_id or q.article not in by_article or q.attribution is None:
                continue
            att = q.attribution
            if any(m.start < att.end + 2 and att.start - 2 < m.end for m in by_article[q.article]):
                st.quotes[q.id] = dataclasses.replace(q, speaker_id=target.id, speaker=target.name)
                st.mark(q.id, c)
        for mt in list(st.meetings.values()):
            if src_id not in mt.participant_ids or mt.article not in by_article:
                continue
            inside = [m for m in by_article[mt.article] if mt.start <= m.start < mt.end]
            src = st.entities.get(src_id)
            still = src is not None and any(mt.start <= m.start < mt.end for m in mentions_in(src.mentions, mt.article))
            if inside and not still:
                ids = tuple(target.id if i == src_id else i for i in mt.participant_ids)
                st.meetings[mt.id] = dataclasses.replace(mt, participant_ids=tuple(dict.fromkeys(ids)))
                st.mark(mt.id, c)


def _rename(st: _State, c: Correction) -> None:
    if c.by == "aliases file":
        found = st.named_exactly(c.target.name)
        if not found:
            raise _Gone(f"no entity is named {c.target.name}")
        e = found[0]
    else:
        e = st.entity(c.target)
    name = c.values["name"].strip()
    if not name:
        raise _Gone("a rename needs a name")
    renamed = dataclasses.replace(e, name=name, aliases=_aliases(
        dataclasses.replace(e, name=name), list(e.aliases) + [e.name]))
    st.put_entity(renamed)
    st.mark(e.id, c)


def _retype(st: _State, c: Correction) -> None:
    e = st.entity(c.target)
    etype = c.values["type"]
    if etype not in ENTITY_TYPES:
        raise _Gone(f"type must be one of {', '.join(ENTITY_TYPES)}")
    st.put_entity(dataclasses.replace(e, type=etype))
    st.mark(e.id, c)


def _drop(st: _State, c: Correction) -> None:
    if c.by == "aliases file":        # "never an entity": every entity with that name or acronym
        found = st.named_exactly(c.target.name)
        if not found:
            raise _Gone(f"no entity is named {c.target.name}")
        for e in found:
            del st.entities[e.id]
            st.redirect[e.id] = None
        st.entities_changed = True
        return
    target = st.target(c.target)
    if isinstance(target, Entity):
        del st.entities[target.id]
        st.redirect[target.id] = None
        st.entities_changed = True
    elif isinstance(target, Quote):
        del st.quotes[target.id]
    elif isinstance(target, Meeting):
        del st.meetings[target.id]
    elif isinstance(target, Figure):
        del st.figures[target.id]
    st.mark(target.id, c)


def _speaker(st: _State, c: Correction) -> None:
    q = st.quote(c.target)
    person = c.values.get("person")
    if person is None:
        st.quotes[q.id] = dataclasses.replace(q, speaker=None, speaker_id=None, unsure=False)
    else:
        e = st.entity(person)
        st.quotes[q.id] = dataclasses.replace(q, speaker=e.name, speaker_id=e.id, unsure=False)
    st.mark(q.id, c)


def _meeting(st: _State, c: Correction) -> None:
    m = st.meeting(c.target)
    v = c.values
    changes: dict = {"unsure": False}
    if "date" in v:
        date = dt.date.fromisoformat(v["date"]) if v["date"] else None
        changes.update(date=date, date_text=v["date"] or None, year_inferred=False)
    if "place" in v:
        changes["place"] = v["place"] or None
    if "participants" in v:
        names, ids = [], []
        for p in v["participants"]:
            try:
                e = st.entity(p)
                names.append(e.name)
                ids.append(e.id)
            except _Gone:
                if not p.name:
                    raise
                names.append(p.name)          # a participant the analysis never named: kept by name
        changes.update(participants=tuple(dict.fromkeys(names)), participant_ids=tuple(dict.fromkeys(ids)))
    st.meetings[m.id] = dataclasses.replace(m, **changes)
    st.mark(m.id, c)


def _meeting_merge(st: _State, c: Correction) -> None:
    m = st.meeting(c.target)
    other = st.meeting(c.values["into"])
    if m.id == other.id:
        raise _Gone("both anchors name the same meeting")
    st.meeting_links.append((m.id, other.id))
    st.mark(m.id, c)
    st.mark(other.id, c)


def _figure(st: _State, c: Correction) -> None:
    f = st.figure(c.target)
    v = c.values
    changes: dict = {"unsure": False}
    if "value" in v:
        changes["value"] = float(v["value"])
    if "unit" in v:
        changes["unit"] = v["unit"] or None
    if "claimant" in v:
        e = st.entity(v["claimant"])
        changes.update(claimed_by=e.name, claimed_by_id=e.id)
    st.figures[f.id] = dataclasses.replace(f, **changes)
    st.mark(f.id, c)


def _article(st: _State, c: Correction) -> None:
    a = st.target(c.target)
    v = c.values
    changes: dict = {}
    if "title" in v:
        changes["title"] = v["title"]
    if "outlet" in v:
        changes["outlet"] = v["outlet"] or None
    if "published" in v:
        changes["published"] = dt.date.fromisoformat(v["published"]) if v["published"] else None
        changes["published_text"] = v["published"] or None
    st.articles[a.key] = dataclasses.replace(a, **changes)
    st.mark(a.key, c)


def _declare(st: _State, c: Correction) -> None:
    """The alias file's [[entity]]: these names are one entity. The entities the
    analysis made under them are merged (keeping all they learned), named as
    declared; forms printed in the text but not found by the analysis are added."""
    v = c.values
    name, etype = v["name"], v.get("type") or "organisation"
    acronym = v.get("acronym") or None
    others = [f for f in [acronym, *v.get("aliases", [])] if f]
    found: list[Entity] = []
    for e in A.entities_named(st.entities.values(), name):
        found.append(e)
    for form in others:       # an alias reaches an entity by its name or acronym only (not by a shared surname)
        for e in st.entities.values():
            if (e.name.casefold() == form.casefold() or (e.acronym or "").casefold() == form.casefold()) \
                    and e not in found:
                found.append(e)
    found = [e for e in found if e.type == etype or etype in ("organisation", "program") and
             e.type in ("organisation", "program")] or found
    found.sort(key=lambda e: (e.name.casefold() != name.casefold(), -len(e.mentions)))
    primary = found[0] if found else None
    for e in found[1:]:
        primary = st.merge(st.entities[e.id], st.entities[primary.id])
    extra = _unfound_forms(st, [name, *others], primary)
    if primary is None and not extra:
        raise _Gone(f"neither {name} nor its aliases are named in these articles")
    if primary is None:
        primary = Entity(st.new_id(etype, name), etype, name, acronym, (), (), MentionList(),
                         why="declared in your alias file")
    old_name = primary.name
    primary = dataclasses.replace(primary, name=name, type=etype, acronym=acronym or primary.acronym)
    primary = dataclasses.replace(
        primary, aliases=_aliases(primary, list(primary.aliases) + [old_name] + others + [m.text for m in extra]),
        mentions=_mention_list(list(primary.mentions) + extra) if extra else primary.mentions)
    st.put_entity(primary)
    st.mark(primary.id, c)


def _unfound_forms(st: _State, forms: list[str], holder: Entity | None) -> list[Mention]:
    """Places where a declared form is printed (whole words, outside boilerplate)
    and no entity's mention stands."""
    forms = sorted({f for f in forms if f and len(f) >= 2}, key=len, reverse=True)
    if not forms:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
    hits: dict[str, list[tuple[int, int, str]]] = {}
    for article in st.articles.values():
        text = article.text
        if not any(f in text for f in forms):
            continue
        found = [(h.start(), h.end(), h.group(0)) for h in pattern.finditer(text)]   # boilerplate: at the end
        if found:
            hits[article.key] = found
    if not hits:
        return []
    if holder is not None:      # most hits are the declared entity's own mentions: checked first, cheaply
        for key in list(hits):
            own = [(m.start, m.end) for m in mentions_in(holder.mentions, key)]
            left = [h for h in hits[key] if not any(cs < h[1] and h[0] < ce for cs, ce in own)]
            if left:
                hits[key] = left
            else:
                del hits[key]
        if not hits:
            return []
    # what the other entities cover in the articles left: one pass over their mentions
    covered: dict[str, list[tuple[int, int]]] = {key: [] for key in hits}
    for e in st.entities.values():
        for key in set(mention_articles(e.mentions)) & covered.keys():
            covered[key].extend((m.start, m.end) for m in mentions_in(e.mentions, key))
    out = []
    for key, found in hits.items():
        spans = covered[key]
        article = st.articles[key]
        for s, e, text in found:
            if not any(cs < e and s < ce for cs, ce in spans) and not article.is_boilerplate(s, e):
                out.append(Mention(key, s, e, text))
    return out


APPLY = {
    "merge": _merge, "split": _split, "rename": _rename, "retype": _retype, "drop": _drop,
    "speaker": _speaker, "meeting": _meeting, "meeting-merge": _meeting_merge, "figure": _figure,
    "article": _article, "declare": _declare,
}


# -- the whole ------------------------------------------------------------------

def apply(corpus: Corpus, corrections: list[Correction]) -> Applied:
    """The corpus with ``corrections`` applied in order (undone ones skipped)."""
    active = [c for c in corrections if not c.undone]
    if not active:
        return Applied(corpus)
    st = _State(corpus)
    orphans: list[Orphan] = []
    applied: list[Correction] = []
    for c in active:
        try:
            APPLY[c.kind](st, c)
            applied.append(c)
        except _Gone as gone:
            orphans.append(Orphan(c, str(gone), gone.not_loaded))
        except (KeyError, ValueError) as exc:       # a hand-edited entry missing a value
            orphans.append(Orphan(c, f"cannot apply: {exc}"))
    if st.entities_changed:
        _follow_entities(st)
    _write_marks(st)
    entities = sorted(st.entities.values(), key=lambda e: (e.type, -len(e.mentions), e.name))
    warnings = list(corpus.warnings) + [
        f"correction #{o.correction.n} ({o.correction.kind}) not applied: {o.reason}"
        for o in orphans if not o.not_loaded]
    out = dataclasses.replace(
        corpus, articles=tuple(st.articles[a.key] for a in corpus.articles), entities=tuple(entities),
        meetings=tuple(st.meetings.values()), quotes=tuple(st.quotes.values()),
        figures=tuple(st.figures.values()), warnings=tuple(warnings), _by_key={}, _by_entity={})
    return Applied(out, orphans, st.marks, st.meeting_links, applied)


def _follow_entities(st: _State) -> None:
    """Speakers, participants and claimants follow merged, split, renamed and dropped entities."""
    renamed = {}
    for old in st.corpus.entities:
        new_id = st.follow(old.id) if old.id in st.redirect else old.id
        new = st.entities.get(new_id) if new_id else None
        if new is None or new.name != old.name:
            renamed[old.name] = new.name if new else None
    for qid, q in list(st.quotes.items()):
        if q.speaker_id and (q.speaker_id in st.redirect or q.speaker_id in st.entities):
            eid = st.follow(q.speaker_id) if q.speaker_id in st.redirect else q.speaker_id
            e = st.entities.get(eid) if eid else None
            if e is None:
                st.quotes[qid] = dataclasses.replace(q, speaker=None, speaker_id=None,
                                                     why="speaker dropped by a correction; " + q.why)
            elif e.id != q.speaker_id or e.name != q.speaker:
                st.quotes[qid] = dataclasses.replace(q, speaker=e.name, speaker_id=e.id)
    for mid, m in list(st.meetings.items()):
        ids = [st.follow(i) if i in st.redirect else i for i in m.participant_ids]
        ids = tuple(dict.fromkeys(i for i in ids if i))
        names = tuple(dict.fromkeys(n2 for n2 in (renamed.get(n, n) for n in m.participants) if n2))
        orgs = tuple(dict.fromkeys(n2 for n2 in (renamed.get(n, n) for n in m.organisations) if n2))
        place = renamed.get(m.place, m.place) if m.place else m.place
        if (ids, names, orgs, place) != (m.participant_ids, m.participants, m.organisations, m.place):
            st.meetings[mid] = dataclasses.replace(m, participant_ids=ids, participants=names,
                                                   organisations=orgs, place=place)
    for fid, f in list(st.figures.items()):
        if f.claimed_by_id and f.claimed_by_id in st.redirect or (
                f.claimed_by_id in st.entities and st.entities[f.claimed_by_id].name != f.claimed_by):
            eid = st.follow(f.claimed_by_id) if f.claimed_by_id in st.redirect else f.claimed_by_id
            e = st.entities.get(eid) if eid else None
            st.figures[fid] = dataclasses.replace(f, claimed_by=e.name if e else None,
                                                  claimed_by_id=e.id if e else None)


def _write_marks(st: _State) -> None:
    """A corrected fact says so in its evidence (``why``), before what the analysis said."""
    for table in (st.entities, st.quotes, st.meetings, st.figures):
        for fid, notes in st.marks.items():
            item = table.get(fid)
            if item is not None:
                said = f"; analysis: {item.why}" if item.why else ""
                table[fid] = dataclasses.replace(item, why=f"{MARK} corrected: " + "; ".join(notes) + said)
