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
    place in the text file beside it: ``model.StoredText``), and the values of
    repeated fields stored once each (``_REPEATED``)."""
    table = dict(_table())
    shared: dict = {}
    for cls, names in _REPEATED.items():
        getters = {n: _once(n, shared) for n in names}
        if cls is model.Article:
            getters["text"] = text_of
        table[cls] = _reducer(cls, **getters)
    p = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = table
    p.dump(corpus)


loads = pickle.loads
load = pickle.load
