"""Fast pickles of the model: frozen slotted dataclasses rebuilt through their
constructors (one call) instead of ``dataclasses``' generic ``__setstate__``
(which looks the fields up again for every object: 6 s for a 10,000-article
corpus, 0.5 s this way). Used for the store's analyses and the corpus
snapshots; nothing global is changed (a private dispatch table)."""
from __future__ import annotations

import copyreg
import dataclasses
import functools
import io
import operator
import pickle

from kemnaker_tui import model


def _reducer(cls, **getters):
    """(cls, field values) for the constructor; ``getters``: how to read a field other
    than by attribute (an article's text as kept, not decoded)."""
    names = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    reads = tuple(getters.get(n) or operator.attrgetter(n) for n in names)

    def reduce(obj):
        return cls, tuple([read(obj) for read in reads])
    return reduce


def _corpus_reduce(c: model.Corpus):
    # the lookup dicts are rebuilt by __post_init__, not stored
    return model.Corpus, (c.articles, c.entities, c.meetings, c.quotes, c.figures, c.skipped, c.warnings)


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    table = dict(copyreg.dispatch_table)
    for cls in (model.Span, model.Entity, model.Mention, model.Meeting, model.Quote,
                model.Figure, model.SkippedFile, model.DateRef, model.RawDocument):
        table[cls] = _reducer(cls)
    table[model.Article] = _reducer(model.Article, text=model.stored_text)
    table[model.Corpus] = _corpus_reduce
    return table


def dumps(obj) -> bytes:
    buf = io.BytesIO()
    dump(obj, buf)
    return buf.getvalue()


# Fields whose values repeat across a corpus (an outlet, a language, a unit, a day) but
# arrive as separate objects (each article decoded on its own): a snapshot stores each
# value once, so a loaded corpus holds it once (~60 MB less at 100,000 articles, and
# fewer objects for the unpickler to track while loading).
_REPEATED = {
    model.Article: ("encoding", "title", "outlet", "dateline", "published", "published_text", "language",
                    "author", "meta_source"),
    model.Meeting: ("kind", "date", "date_text", "place", "summary", "why"),
    model.Quote: ("text", "speaker", "speaker_id", "why"),
    model.Figure: ("unit", "text", "claimed_by", "claimed_by_id", "why"),
}


def _once(name: str, shared: dict):
    read = operator.attrgetter(name)

    def get(obj):
        value = read(obj)
        return shared.setdefault(value, value) if value is not None else None
    return get


def dump(obj, fh) -> None:
    p = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = _table()
    p.dump(obj)


def dump_snapshot(corpus: model.Corpus, fh, text_of) -> None:
    """A corpus snapshot: each article's text replaced by ``text_of(article)`` (its
    place in the text file beside it: ``model.StoredText``), the values of repeated
    fields stored once each (``_REPEATED``), and the facts (meetings, quotes,
    figures: hundreds of thousands) stored as columns, one list a field — read and
    deduplicated in C, not one reducer call an object; loaded back as the same
    objects (``_facts``)."""
    table = dict(_table())
    shared: dict = {}
    for cls, names in _REPEATED.items():
        getters = {n: _once(n, shared) for n in names}
        if cls is model.Article:
            getters["text"] = text_of
        table[cls] = _reducer(cls, **getters)

    def corpus_reduce(c: model.Corpus):
        return _corpus_of_columns, (c.articles, c.entities, _columns(model.Meeting, c.meetings, shared),
                                    _columns(model.Quote, c.quotes, shared),
                                    _columns(model.Figure, c.figures, shared), c.skipped, c.warnings)
    table[model.Corpus] = corpus_reduce
    p = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = table
    p.dump(corpus)


def _init_fields(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


# Fields holding a Span (or None): stored as two columns of offsets, not an object each.
_SPANS = {model.Quote: ("attribution",), model.Figure: ("sentence",)}


def _columns(cls, items: tuple, shared: dict) -> tuple[int, list, tuple]:
    """(how many, one list a constructor argument, which of them are spans) of
    ``items``, all of ``cls``."""
    repeated = set(_REPEATED.get(cls, ()))
    spans = tuple(i for i, name in enumerate(_init_fields(cls)) if name in _SPANS.get(cls, ()))
    cols = []
    for i, name in enumerate(_init_fields(cls)):
        col = list(map(operator.attrgetter(name), items))
        if name in repeated:
            col = list(map(shared.setdefault, col, col))
        elif i in spans:
            col = ([-1 if sp is None else sp.start for sp in col], [-1 if sp is None else sp.end for sp in col])
        cols.append(col)
    return len(items), cols, spans


def _span(start: int, end: int) -> model.Span | None:
    return None if start < 0 else model.Span(start, end)


def _facts(cls, packed: tuple[int, list, tuple]) -> tuple:
    n, cols, spans = packed
    for i in spans:
        starts, ends = cols[i]
        cols[i] = list(map(_span if -1 in starts else model.Span, starts, ends))
    return tuple(map(cls, *cols)) if n else ()


def _corpus_of_columns(articles, entities, meetings, quotes, figures, skipped, warnings) -> model.Corpus:
    return model.Corpus(articles, entities, _facts(model.Meeting, meetings), _facts(model.Quote, quotes),
                        _facts(model.Figure, figures), skipped, warnings)


loads = pickle.loads
load = pickle.load
