"""Making corrections from what a user points at (an id, a name, a fact on
screen): anchors that name the fact by id and by its words. Shared by
``kemnaker-tui correct`` and the explorer's dialogs. No UI imports."""
from __future__ import annotations

from kemnaker_tui.corrections.anchor import anchor_text, entities_named
from kemnaker_tui.corrections.model import Anchor
from kemnaker_tui.model import Article, Corpus, Entity, Figure, Meeting, Quote


class NotFound(ValueError):
    """Nothing, or more than one thing, answers to what the user typed (the message lists them)."""


def entity_anchor(e: Entity) -> Anchor:
    """An entity by id and name, and by its first mention (article, offsets, words)."""
    first = e.mentions[0] if len(e.mentions) else None
    if first is None:
        return Anchor("entity", id=e.id, name=e.name)
    return Anchor("entity", id=e.id, article=first.article, start=first.start, end=first.end,
                  text=first.text, name=e.name)


def fact_anchor(corpus: Corpus, fact) -> Anchor:
    if isinstance(fact, Entity):
        return entity_anchor(fact)
    if isinstance(fact, Article):
        return Anchor("article", id=fact.key, article=fact.key, text=fact.title[:160])
    article = corpus.article(fact.article)
    kind = {Quote: "quote", Meeting: "meeting", Figure: "figure"}[type(fact)]
    return Anchor(kind, id=fact.id, article=fact.article, start=fact.start,
                  end=min(fact.end, fact.start + 160), text=anchor_text(article, fact.start, fact.end))


def find_entity(corpus: Corpus, text: str, types: tuple[str, ...] | None = None) -> Entity:
    """An entity by id, else by name, acronym or alias (case-insensitive). More than
    one by that name is an error listing them (with ids to pick from)."""
    text = text.strip()
    e = corpus.entity(text)
    if e is not None:
        return e
    found = [x for x in entities_named(corpus.entities, text) if types is None or x.type in types]
    exact = [x for x in found if x.name.casefold() == text.casefold()]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(f"no {'/'.join(types) if types else 'entity'} is named {text!r} "
                       "(`kemnaker-tui entities` lists them)")
    listed = "; ".join(f"{x.id} ({x.name}, {len(x.mentions)} mentions)" for x in found[:12])
    raise NotFound(f"{len(found)} entities answer to {text!r}: {listed} — give the id")


def find_fact(corpus: Corpus, ident: str):
    """A quote, meeting or figure by id, an article by key, else an entity (id or name)."""
    for table in (corpus.quotes, corpus.meetings, corpus.figures):
        for item in table:
            if item.id == ident:
                return item
    if ident in corpus._by_key:
        return corpus.article(ident)
    try:
        return find_entity(corpus, ident)
    except NotFound as exc:
        if "answer to" in str(exc):
            raise
        raise NotFound(f"no entity, quote, meeting or figure has the id or name {ident!r} "
                       "(the listings show ids: quotes, timeline, figures, entities)") from None


_LISTING = {"quote": "quotes", "meeting": "timeline", "figure": "figures", "article": "export"}


def find_of(corpus: Corpus, ident: str, kind: str):
    """A fact of one kind by id (an article by key; an entity by id or name)."""
    if kind == "entity":
        return find_entity(corpus, ident)
    if kind == "article":
        if ident in corpus._by_key:
            return corpus.article(ident)
        raise NotFound(f"no article {ident!r} in these files (its key is the file name, or file#line for JSONL)")
    table = {"quote": corpus.quotes, "meeting": corpus.meetings, "figure": corpus.figures}[kind]
    for item in table:
        if item.id == ident:
            return item
    raise NotFound(f"no {kind} with id {ident!r} (`kemnaker-tui {_LISTING[kind]}` lists them)")


def split_values(entity: Entity, name: str, etype: str | None, forms: list[str],
                 mentions: list[tuple[str, int]]) -> dict:
    """Values of a split: forms as given; mentions named by (article, start) become anchors."""
    anchors = []
    for article, start in mentions:
        found = [m for m in entity.mentions if m.article == article and m.start == start]
        if not found:
            raise NotFound(f"{entity.name} has no mention at {article}:{start}")
        m = found[0]
        anchors.append(Anchor("mention", article=m.article, start=m.start, end=m.end, text=m.text))
    if not forms and not anchors:
        raise NotFound("a split needs --form or --mention: which mentions move")
    values = {"name": name, "forms": list(forms)}
    if etype:
        values["type"] = etype
    if anchors:
        values["mentions"] = anchors
    if not forms:
        del values["forms"]
    return values
