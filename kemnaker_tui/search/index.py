"""The in-memory search index: tantivy (Rust, index in RAM) for matching and
BM25, our own layer for typo/stem expansion, filters, highlights and snippets.

Four small tantivy indexes, one per result kind, so each list is ranked and
counted on its own and the small ones (quotes, figures) cost little:

    articles   title, body (boilerplate removed, then the entity names + aliases),
               boiler, names (the names again, to score them)
    passages   one document per body sentence (field body); boilerplate lines
               in a field of their own (boiler), flagged bp=1
    quotes     the words inside the quote marks, and the speaker's name
    figures    the sentence holding the figure (one document per figure, so
               counts are counts of figures)

Every document carries ``u`` (its row in our unit table, a fast field),
``outlet``, ``lang``, ``ent`` and ``rec`` (days since 1970-01-01, 0 when
undated: recency order and from:/to:, as a fast field).

A query word is expanded once per keystroke, in Python, against the index
vocabulary (``_expand``; cached, and a word being typed reuses the expansion
of its previous keystroke): the word, its stem forms, every vocabulary word
within its edit distance (RapidFuzz OSA, as tantivy's Levenshtein automata
with transpositions) — as a prefix for the word still being typed ("mag"
finds magang). A 1–2 letter prefix keeps only its most frequent completions.
The same term set then serves every index and field, and the highlighter, so
a highlight is exactly what tantivy matched. A word becomes one must clause
of two optional parts, so each posting list is read once:
    exact  BM25 on the exact word (boost 2 × field boost), when the
           vocabulary holds it: exact forms rank above stem forms and typos.
    near   constant score for its other terms: a term-set query (one
           automaton pass over each field's term dictionary, as a plain fuzzy
           query costs); typos two edits away score half of those one edit
           away, stem forms and completions of the word being typed.
Words are ANDed, an OR group is one such clause over all its words,
phrases are phrase queries, excludes are must-nots, filters are must clauses
(entity filters are terms on an ``ent`` field holding the ids of the entities
each article mentions). Equal scores come newest first: documents are added
newest first and tantivy keeps the first among equals. The last
``RESULT_CACHE`` results are kept (a backspace, or a new query starting with
the same letters, is served from it).
"""
from __future__ import annotations

import datetime as dt
import gc
import os
import re
import threading
from bisect import bisect_left
from collections import OrderedDict
from itertools import accumulate

from kemnaker_tui.model import Corpus, mention_articles, span_pairs
from kemnaker_tui.search.crosslang import translations
from kemnaker_tui.search.query import Filter, Query, parse_query
from kemnaker_tui.search.results import KINDS, Hit, HitContext, Hits, SearchResults, UnitTable, searchable_ranges
from kemnaker_tui.search.snippets import max_edits
from kemnaker_tui.search.stemming import StemIndex, guarded_stem

__all__ = ["KINDS", "Hit", "Hits", "SearchIndex", "SearchResults"]

_EPOCH = dt.date(1970, 1, 1)
EXACT_BOOST = 2.0
TYPO_SCORE = 0.3           # a stem form, a typo one edit away, a completion of the word being typed
FAR_TYPO_SCORE = 0.15      # a typo two edits away
MAX_STEM_FORMS = 24
# A 1–2 letter word still being typed expands to its most frequent completions
# only: all of them would be most of the vocabulary ("p…"), cost more than the
# rest of the query and rank nothing useful.
SHORT_PREFIX_TERMS = {1: 4, 2: 12}
RESULT_CACHE = 64
MIN_FILTER_PREFIX = 2      # letters of an entity's name a person:/org:/… filter needs to start matching
_COUNT_AGGREGATION = {"n": {"value_count": {"field": "u"}}}
_FIELDS = {
    "articles": (("title", 2.0), ("body", 1.0), ("names", 1.2)),
    "passages": (("body", 1.0),),
    "quotes": (("body", 1.0), ("speaker", 0.8)),
    "figures": (("body", 1.0),),
}
# a speaker's name one letter off finds their quotes, as the right spelling does
_FUZZY_FIELDS = {"articles": ("body",), "passages": ("body",), "quotes": ("body", "speaker"), "figures": ("body",)}
# fields a word's match clause looks in (the others only score): an article's
# title (when the file gave it apart from the text) and its entity names are
# also indexed in its body, so one term-set pass over the body finds them
_MATCH_FIELDS = {"articles": ("body",)}


class _LRU(OrderedDict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_or(self, key, make):
        try:
            self.move_to_end(key)
            return self[key]
        except KeyError:
            value = make()
            self[key] = value
            if len(self) > self.size:
                self.popitem(last=False)
            return value


def _schema(kind: str):
    import tantivy
    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("u", fast=True)
    sb.add_unsigned_field("slot", indexed=True)     # the article's slot: its documents deleted by it
    sb.add_text_field("outlet", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("lang", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("rec", fast=True)          # day or 0; from:/to: run on the fast field
    # the ids of the entities its article mentions, one string split on spaces (one value to
    # hand over per document, not twenty: this field was half the build time as a list)
    sb.add_text_field("ent", tokenizer_name="whitespace", index_option="basic")
    if kind == "passages":
        sb.add_unsigned_field("bp", indexed=True)
    if kind == "quotes":
        sb.add_text_field("sid", tokenizer_name="raw", index_option="basic")    # the speaker's entity id
    for name, _boost in _FIELDS[kind]:
        sb.add_text_field(name, tokenizer_name="default", index_option="position")
    if kind in ("articles", "passages"):
        # boilerplate text in a field of its own: a query reads it only when asked to, so
        # leaving it out costs no clause
        sb.add_text_field("boiler", tokenizer_name="default", index_option="position")
    return sb.build()


def _ent_token(entity_id: str) -> str:
    """An entity id as one token of the ``ent`` field (split on white space)."""
    return "_".join(entity_id.split()) if _SPACE.search(entity_id) else entity_id


_SPACE = re.compile(r"\s")


def _match_fields(kind: str, fields):
    keep = _MATCH_FIELDS.get(kind)
    if keep is None:
        return fields
    out = tuple(fb for fb in fields if fb[0] in keep or fb[0] == "boiler")
    return out or fields


def _event_days(corpus: Corpus, only: set[str] | None = None) -> dict[str, dt.date]:
    """Each article's earliest dated event (``only``: of these articles)."""
    event_day: dict[str, dt.date] = {}
    for m in corpus.meetings:
        if m.date is not None and (only is None or m.article in only) and \
                (m.article not in event_day or m.date < event_day[m.article]):
            event_day[m.article] = m.date
    return event_day


def _rec_of(a, event_day: dict[str, dt.date]) -> int:
    """An article's day for from:/to:/year: and recency; without a publication date,
    the earliest dated event it reports (so a date filter does not silently drop it); 0."""
    if a.published:
        return (a.published - _EPOCH).days
    day = event_day.get(a.key)
    return (day - _EPOCH).days if day else 0


def _trim_heap() -> None:
    """Give the writers' freed heap back to the OS (glibc keeps it otherwise)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except Exception:  # noqa: BLE001 - not glibc, or no libc: nothing to do
        pass


class SearchIndex:
    """Build once per corpus with :meth:`build`; :meth:`search` on every keystroke.

    Thread-safe for concurrent searches (tantivy searchers are; our caches are
    guarded by a lock).
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._lock = threading.RLock()
        self._query_cache: _LRU = _LRU(4096)
        self._filter_cache: _LRU = _LRU(256)
        self._parse_cache: _LRU = _LRU(256)
        self._expand_cache: _LRU = _LRU(4096)
        self._result_cache: _LRU = _LRU(RESULT_CACHE)
        self._stem_cache: dict[str, tuple[str, ...]] = {}
        self.build_seconds = 0.0
        self._parallel = (os.cpu_count() or 1) > 1
        self._executor = None

    def _pool(self):
        if self._executor is None:
            with self._lock:
                if self._executor is None:
                    from concurrent.futures import ThreadPoolExecutor
                    self._executor = ThreadPoolExecutor(max_workers=3, thread_name_prefix="search")
        return self._executor

    def clear_caches(self) -> None:
        """Forget every per-query cache (results, expansions, parsed queries, tantivy
        queries, stems): the next searches run cold. For benchmarks."""
        with self._lock:
            for cache in (self._query_cache, self._filter_cache, self._parse_cache, self._expand_cache,
                          self._result_cache, self._stem_cache):
                cache.clear()

    # ------------------------------------------------------------------ build
    @classmethod
    def build(cls, corpus: Corpus, writer_heap: int = 200_000_000, freeze_gc: bool = True,
              path: os.PathLike | str | None = None, progress=None, prints=None) -> "SearchIndex":
        """Index ``corpus``. ``freeze_gc``: move every object alive now (the corpus,
        the index) to the collector's permanent generation (``gc.freeze``), so
        the full collections that a keystroke's few hundred new objects trigger
        now and then stop walking millions of corpus objects (tens of ms at
        100,000 articles). ``path``: an empty folder to keep tantivy's index
        in (the library saves it there with :meth:`save` and reopens it with
        :meth:`open`); None keeps it in memory. ``progress(done, total)``
        counts articles indexed. ``prints``: article key -> fingerprint of its
        analysis, kept so that a copy can later be brought up to date by
        :meth:`update` instead of built again."""
        import time

        import tantivy
        t0 = time.perf_counter()
        self = cls(corpus)
        gc_was_on = gc.isenabled()
        gc.disable()            # ~10 objects per document, all freed by refcount: no cycles to look for
        try:
            self._build(corpus, writer_heap, path, progress, prints)
        finally:
            if gc_was_on:
                gc.enable()
        _trim_heap()
        if freeze_gc:
            gc.freeze()
        self.build_seconds = time.perf_counter() - t0
        return self

    def _build(self, corpus: Corpus, writer_heap: int, path=None, progress=None, prints=None) -> None:
        import tantivy
        articles = corpus.articles
        # Articles are numbered by slot: in a fresh build slot = position; an update
        # (:meth:`update`) gives a changed or new article the next free slot and leaves
        # the old one dead, so the unit tables never need renumbering.
        self._keys = [a.key for a in articles]
        self._ordinal = {a.key: i for i, a in enumerate(articles)}
        self._published = [a.published for a in articles]
        event_day = _event_days(corpus)
        self._rec = [_rec_of(a, event_day) for a in articles]
        ents_of = self._entity_tables(corpus)
        self._prints = self._index_prints(corpus, prints, ents_of)
        self._article_tables(corpus)

        self._tv = {}
        self._units = {kind: UnitTable(with_ref=kind in ("quotes", "figures")) for kind in KINDS}
        writers = {}
        heaps = {"articles": writer_heap, "passages": writer_heap, "quotes": 50_000_000,
                 "figures": max(50_000_000, writer_heap // 2)}
        for kind in KINDS:
            schema = _schema(kind)
            if path is None:
                index = tantivy.Index(schema)
            else:
                os.makedirs(os.path.join(path, kind), exist_ok=True)
                index = tantivy.Index(schema, path=os.path.join(path, kind))
            self._tv[kind] = [index, schema, None]
            # one indexing thread per index (the four run side by side): documents keep the
            # order they are added in, which is newest first (see below)
            writers[kind] = index.writer(heap_size=heaps[kind], num_threads=1)
        add = self._adder(corpus, writers, ents_of)
        # Newest articles first: tantivy keeps the first documents among equal scores, so
        # when more documents tie than a page holds (a word still being typed matches
        # thousands at one constant score) the newest are the ones kept.
        order = sorted(range(len(articles)), key=lambda n: -self._rec[n])
        n_total = len(order)
        for done, n in enumerate(order, start=1):
            if progress is not None and (done % 500 == 0 or done == n_total):
                progress(done, n_total)
            add(n, articles[n])
        del ents_of, add
        self._commit(writers)

    def _commit(self, writers: dict) -> None:
        # load the stemmer's dictionary while tantivy commits (the first query word would wait for it)
        loader = threading.Thread(target=guarded_stem, args=("pelatihan",), daemon=True)
        loader.start()
        for kind in KINDS:
            writers[kind].commit()
        for kind in KINDS:
            writers[kind].wait_merging_threads()
            index = self._tv[kind][0]
            index.reload()
            self._tv[kind][2] = index.searcher()
        writers.clear()
        self._vocabulary()
        loader.join()

    def _entity_tables(self, corpus: Corpus) -> dict[str, list]:
        """The entities each article mentions (their names and ids are indexed with it)."""
        ents_of: dict[str, list] = {}
        live = {a.key for a in corpus.articles}
        for e in corpus.entities:
            for key in set(mention_articles(e.mentions)):
                if key in live:
                    ents_of.setdefault(key, []).append(e)
        return ents_of

    @staticmethod
    def _index_prints(corpus: Corpus, prints, ents_of: dict) -> dict[str, bytes]:
        """Per article: the caller's fingerprint of its analysis, and the ids and names
        of the entities the index holds with it (they can change while it does not) —
        each entity's part hashed once, an article's parts sorted and hashed with it."""
        import hashlib
        out = {}
        if not prints:
            return out
        part_of: dict[str, bytes] = {}
        for a in corpus.articles:
            fp = prints.get(a.key)
            if fp is None:
                continue
            parts = []
            for e in ents_of.get(a.key, ()):
                part = part_of.get(e.id)
                if part is None:
                    part = part_of[e.id] = hashlib.blake2b(
                        (e.id + "\x1e" + "\x1f".join(sorted(e.all_names))).encode("utf-8", "surrogatepass"),
                        digest_size=12).digest()
                parts.append(part)
            parts.sort()
            out[a.key] = hashlib.blake2b(fp + b"".join(parts), digest_size=16).digest()
        return out

    def _article_tables(self, corpus: Corpus) -> None:
        articles = corpus.articles
        self._outlets = sorted({a.outlet.lower() for a in articles if a.outlet})
        # what a filter must leave out to be worth a clause (a filter every article passes
        # is dropped: a clause over every document costs as much as the words themselves)
        self._every_article_has_outlet = all(a.outlet for a in articles)
        self._langs = frozenset(a.language or "" for a in articles)
        days = [self._rec[self._ordinal[a.key]] for a in articles]
        self._day_range = (min(days), max(days)) if days and all(days) else None
        self._corpus_tables(corpus)

    def _adder(self, corpus: Corpus, writers: dict, ents_of: dict):
        """add(slot, article): every document of one article into the four indexes."""
        import tantivy
        units = self._units
        quotes_by_article: dict[str, list] = {}
        for q in corpus.quotes:
            quotes_by_article.setdefault(q.article, []).append(q)
        figures_by_article: dict[str, list] = {}
        for f in corpus.figures:
            figures_by_article.setdefault(f.article, []).append(f)
        entity_name = {e.id: e.name for e in corpus.entities}

        s_art, s_pas, s_quo, s_fig = (self._tv[k][1] for k in KINDS)
        from_dict = tantivy.Document.from_dict
        add_art, add_pas, add_quo, add_fig = (writers[k].add_document for k in KINDS)
        u_art, u_pas, u_quo, u_fig = (units[k] for k in KINDS)
        p_art, p_start, p_end, p_rec = (u_pas.art.append, u_pas.start.append, u_pas.end.append,
                                        u_pas.rec.append)
        f_art, f_start, f_end, f_rec, f_ref = (u_fig.art.append, u_fig.start.append, u_fig.end.append,
                                               u_fig.rec.append, u_fig.ref.append)
        rows = [len(u_pas), len(u_fig)]      # the next passage and figure rows

        def add(n: int, a) -> None:
            n_pas, n_fig = rows
            text = a.text
            rec = self._rec[n]
            common = {"lang": a.language or "", "rec": rec, "slot": n}
            if a.outlet:
                common["outlet"] = a.outlet.lower()
            ents = ents_of.get(a.key)
            if ents:
                common["ent"] = " ".join(sorted(_ent_token(e.id) for e in ents))
            bps = sorted(a.boilerplate, key=lambda s: s.start) if a.boilerplate else ()
            if bps:
                # overlap test in O(log n): boilerplate starts, and the furthest end so far
                b_starts = [b.start for b in bps]
                b_reach = list(accumulate((b.end for b in bps), max))
                ranges = searchable_ranges(a, False)
                body = "\n".join(text[s:e] for s, e in ranges)
                boiler = "\n".join(text[b.start:b.end] for b in bps)
            else:
                body, boiler = text, ""
            if a.title and a.title_span is None:      # a title from the file's metadata, not in the text
                body = a.title + "\n" + body
            names = " ; ".join(set().union(*(e.all_names for e in ents))) if ents else ""
            if names:
                body = body + "\n" + names
            doc = dict(common)
            doc.update(u=u_art.add(n, 0, len(text), None, rec), title=a.title or "", body=body, boiler=boiler,
                       names=names)
            add_art(from_dict(doc, s_art))
            common["bp"] = 0
            for start, end in span_pairs(a.sentences):
                if bps:
                    k = bisect_left(b_starts, end)
                    if k and b_reach[k - 1] > start:       # overlaps boilerplate
                        continue
                add_pas(from_dict({**common, "u": n_pas, "body": text[start:end]}, s_pas))
                p_art(n), p_start(start), p_end(end), p_rec(rec)
                n_pas += 1
            common["bp"] = 1
            for b in bps:
                doc = dict(common)
                doc["u"] = n_pas
                doc["boiler"] = text[b.start:b.end]
                add_pas(from_dict(doc, s_pas))
                p_art(n), p_start(b.start), p_end(b.end), p_rec(rec)
                n_pas += 1
            del common["bp"]
            for q in quotes_by_article.get(a.key, ()):
                doc = dict(common)
                doc["u"] = u_quo.add(n, q.start, q.end, q.id, rec)
                doc["body"] = q.text
                doc["speaker"] = q.speaker or entity_name.get(q.speaker_id or "", "") or ""
                if q.speaker_id:
                    doc["sid"] = q.speaker_id
                add_quo(from_dict(doc, s_quo))
            for f in figures_by_article.get(a.key, ()):
                s = f.sentence
                doc = dict(common)
                doc["u"] = n_fig
                doc["body"] = text[s.start:s.end]
                add_fig(from_dict(doc, s_fig))
                f_art(n), f_start(s.start), f_end(s.end), f_rec(rec), f_ref(f.id)
                n_fig += 1
            rows[0], rows[1] = n_pas, n_fig
        return add

    # ------------------------------------------------------------------ update
    def update(self, corpus: Corpus, prints: dict[str, bytes], progress=None) -> bool:
        """Bring this index (opened from a folder it may change: a copy) to ``corpus``
        document by document: the documents of articles gone or changed are deleted
        (by their slot), those of changed and new articles added under new slots.
        ``prints``: article key -> a fingerprint of its analysis (the library's merge
        fingerprints: the document, the entities at their places, the roles — what its
        quotes, meetings and figures follow from); the index adds the names and entity
        ids it holds with the article. Unchanged articles keep their documents.
        Returns False, changing nothing, when an update is not worth it (no
        fingerprints kept, more than a third of the articles changed, or as many dead
        slots as live ones): build afresh then."""
        import gc
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            ents_of = self._entity_tables(corpus)
            new = self._index_prints(corpus, prints, ents_of)
            old = self._prints
            keep = {k for k, fp in new.items() if old.get(k) == fp and k in self._ordinal}
            fresh = [a for a in corpus.articles if a.key not in keep]
            gone = [slot for k, slot in self._ordinal.items() if k not in keep]
            dead = len(self._keys) - len(self._ordinal)
            if not old or len(fresh) * 3 > max(1, len(corpus.articles)) or \
                    dead + len(gone) > len(corpus.articles) or len({a.key for a in corpus.articles}) != len(corpus.articles):
                return False
            self._update(corpus, new, keep, fresh, gone, ents_of, progress)
        finally:
            if gc_was_on:
                gc.enable()
        return True

    def _update(self, corpus: Corpus, prints, keep, fresh, gone, ents_of, progress) -> None:
        self.clear_caches()
        ordinal = {k: self._ordinal[k] for k in keep}
        event_day = _event_days(corpus, {a.key for a in fresh})
        for a in fresh:
            ordinal[a.key] = len(self._keys)
            self._keys.append(a.key)
            self._published.append(a.published)
            self._rec.append(_rec_of(a, event_day))
        self._ordinal = ordinal
        self._prints = prints
        self._article_tables(corpus)
        writers = {kind: self._tv[kind][0].writer(heap_size=50_000_000, num_threads=1) for kind in KINDS}
        import tantivy
        for kind in KINDS:
            schema = self._tv[kind][1]
            for slot in gone:
                # by a term query: a delete by term with a Python int looks for a signed term
                # and silently finds nothing in this unsigned field
                writers[kind].delete_documents_by_query(tantivy.Query.term_query(schema, "slot", slot))
        add = self._adder(corpus, writers, ents_of)
        for done, a in enumerate(sorted(fresh, key=lambda a: -self._rec[ordinal[a.key]]), start=1):
            if progress is not None and (done % 500 == 0 or done == len(fresh)):
                progress(done, len(fresh))
            add(ordinal[a.key], a)
        del add
        self._commit(writers)

    def _vocabulary(self) -> None:
        # the vocabulary (every term of every text field), with document frequencies
        df: dict[str, int] = {}
        for kind, fnames in (("articles", ("title", "body", "names", "boiler")), ("quotes", ("body", "speaker"))):
            searcher = self._tv[kind][2]
            for fname in fnames:
                for t, c in searcher.terms_with_prefix(fname, ""):
                    df[t] = df.get(t, 0) + c
        self._df = df
        self._vocab = sorted(df)
        self.vocabulary_size = len(self._vocab)
        self._by_len: dict[int, list[str]] = {}
        for t in self._vocab:
            self._by_len.setdefault(len(t), []).append(t)
        self._prefix_lists: dict[int, list[str]] = {}
        for size in range(3, 11):
            self._prefix_list(size)
        self._stems = StemIndex(self._vocab)

    # ------------------------------------------------------------- on disk
    # what :meth:`save` keeps beside tantivy's folders (all plain data; the rest is
    # remade from the corpus on :meth:`open`)
    _SAVED = ("_keys", "_ordinal", "_published", "_rec", "_outlets", "_every_article_has_outlet",
              "_langs", "_day_range", "_units", "_df", "_vocab", "_prefix_lists", "_stems", "vocabulary_size",
              "_prints")

    def save(self, path: os.PathLike | str) -> None:
        """Write our side tables beside the tantivy folders :meth:`build` made in ``path``."""
        import pickle
        state = {name: getattr(self, name) for name in self._SAVED}
        with open(os.path.join(path, "state.pickle"), "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
            os.fsync(fh.fileno())

    @classmethod
    def open(cls, path: os.PathLike | str, corpus: Corpus, check: bool = True) -> "SearchIndex":
        """Reopen an index :meth:`build` and :meth:`save` wrote for this very corpus
        (``check=False``: for another one, to :meth:`update` it)."""
        import pickle
        import time

        import tantivy
        t0 = time.perf_counter()
        self = cls(corpus)
        loader = threading.Thread(target=guarded_stem, args=("pelatihan",), daemon=True)
        loader.start()      # the stemmer's dictionary loads while the index opens
        with open(os.path.join(path, "state.pickle"), "rb") as fh:
            state = pickle.load(fh)
        if check and (len(state["_ordinal"]) != len(corpus.articles) or any(
                a.key not in state["_ordinal"] for a in corpus.articles)):
            raise ValueError("the saved index is of another corpus")
        for name in self._SAVED:
            setattr(self, name, state[name])
        self._by_len = {}
        for t in self._vocab:
            self._by_len.setdefault(len(t), []).append(t)
        if check:               # else update() makes them, for the corpus it brings the index to
            self._corpus_tables(corpus)
        self._tv = {}
        for kind in KINDS:
            index = tantivy.Index.open(os.path.join(path, kind))
            self._tv[kind] = [index, _schema(kind), index.searcher()]
        loader.join()
        self.build_seconds = time.perf_counter() - t0
        return self

    def _corpus_tables(self, corpus: Corpus) -> None:
        """What a query needs from the corpus besides the index (made on build and on open)."""
        # acronyms the corpus knows (JICA, SSW, BPVP): never typo-matched, even typed in lower case
        self._acronyms = frozenset(e.acronym.casefold() for e in corpus.entities
                                   if e.acronym and len(e.acronym) >= 2 and e.acronym.isupper())
        self._entity_names = {}     # type -> (list of folded names, list of entities)
        for e in corpus.entities:
            names, ents = self._entity_names.setdefault(e.type, ([], []))
            for n in e.all_names:
                names.append(n.casefold())
                ents.append(e)

    def __len__(self) -> int:
        return len(self._ordinal)       # live articles (an update leaves dead slots behind)

    # ------------------------------------------------------------- expansion
    def _stem_forms(self, word: str) -> tuple[str, ...]:
        forms = self._stem_cache.get(word)
        if forms is None:
            root = guarded_stem(word)
            found = self._stems.forms(root, MAX_STEM_FORMS + 1) if root else []
            forms = tuple(f for f in found if f != word)[:MAX_STEM_FORMS]
            if len(self._stem_cache) > 20000:
                self._stem_cache.clear()
            self._stem_cache[word] = forms
        return forms

    def _prefix_list(self, size: int) -> list[str]:
        """The distinct ``size``-letter beginnings of vocabulary words, sorted."""
        got = self._prefix_lists.get(size)
        if got is None:
            got = self._prefix_lists[size] = sorted({t[:size] for t in self._vocab if len(t) >= size})
        return got

    def _expand(self, word: str, k: int, prefix: bool) -> tuple[str, ...]:
        """Vocabulary words within ``k`` edits of ``word`` (of a beginning of
        them when ``prefix``), sorted. Cached; a prefix reuses the expansion of
        the word one letter shorter (a superset) when it has the same ``k``."""
        key = (word, k, prefix)
        got = self._expand_cache.get(key)
        if got is not None:
            self._expand_cache.move_to_end(key)
            return got
        vocab = self._vocab
        if prefix and not k:
            lo = bisect_left(vocab, word)
            hi = bisect_left(vocab, word + "\U0010ffff")
            got = tuple(vocab[lo:hi])
        else:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA
            m = len(word)
            if prefix:
                cands = None
                if m > 1 and max_edits(word[:-1]) == k:
                    cands = self._expand_cache.get((word[:-1], k, True))
                pool = vocab if cands is None else cands
                found: set[str] = set()
                for size in range(max(1, m - k), m + k + 1):
                    if cands is None:
                        heads = self._prefix_list(size)
                    else:
                        heads = list({t[:size] for t in cands if len(t) >= size})
                    for head, _d, _i in process.extract(word, heads, scorer=OSA.distance, score_cutoff=k,
                                                        limit=None):
                        lo = bisect_left(pool, head)
                        hi = bisect_left(pool, head + "\U0010ffff")
                        found.update(pool[lo:hi])
                got = tuple(sorted(found))
            else:
                wide = self._expand_cache.get((word, k, True))
                if wide is not None:
                    cands = [t for t in wide if abs(len(t) - m) <= k]
                else:
                    cands = [t for size in range(max(1, m - k), m + k + 1) for t in self._by_len.get(size, ())]
                got = tuple(sorted(c for c, _d, _i in process.extract(word, cands, scorer=OSA.distance,
                                                                       score_cutoff=k, limit=None)))
        self._expand_cache[key] = got
        if len(self._expand_cache) > self._expand_cache.size:
            self._expand_cache.popitem(last=False)
        return got

    def _terms(self, word: str, prefix: bool, acronym: bool = False) -> tuple[frozenset[str], frozenset[str]]:
        """(base, full) term sets of a query word: base = the word, its stem
        forms and its translations (for fields without typo tolerance), full =
        base and its typo/prefix neighbours. An acronym gets no typos, stems or
        translations (JICA is not "jika"); a word already whole (in the
        vocabulary, 4+ letters) is not a prefix of longer words."""
        return self._expand_cache.get_or(("terms", word, prefix, acronym),
                                         lambda: self._make_terms(word, prefix, acronym))

    def _is_acronym(self, word: str, query: Query) -> bool:
        return word in query.acronyms or word in self._acronyms

    def _is_whole(self, word: str, prefix: bool) -> bool:
        """A word still being typed that is already a word of the corpus: its completions
        are other words ("anwar" is not "anwaruddin"); its stem forms still match."""
        return prefix and len(word) >= 4 and word in self._df

    def _far_terms(self, word: str, prefix: bool, acronym: bool = False) -> frozenset[str]:
        """The word's typo neighbours two edits away (words of 8+ letters, once typed):
        they match, scored below those one edit away."""
        if acronym or (prefix and not self._is_whole(word, prefix)) or max_edits(word) < 2:
            return frozenset()
        return self._expand_cache.get_or(("far", word), lambda: self._make_far_terms(word))

    def _make_far_terms(self, word: str) -> frozenset[str]:
        from rapidfuzz.distance import OSA
        base, full = self._terms(word, False)
        return frozenset(t for t in full - base if OSA.distance(word, t) > 1)

    def _translations(self, word: str) -> frozenset[str]:
        """The word's translations that the corpus holds (data/crosslang.txt)."""
        df = self._df
        return frozenset(t for t in translations().get(word, ()) if t in df)

    def _make_terms(self, word: str, prefix: bool, acronym: bool = False):
        if acronym:
            base = frozenset((word,))
            if not prefix or word in self._df:
                return base, base
            near = self._expand(word, 0, True)
            cap = SHORT_PREFIX_TERMS.get(len(word))
            if cap is not None and len(near) > cap:
                near = sorted(near, key=lambda t: (-self._df.get(t, 0), t))[:cap]
            return base, base.union(near)
        k = max_edits(word)
        if self._is_whole(word, prefix):
            # its completions are dropped, but the prefix expansion is still made: it is cheap
            # (the previous keystroke's narrowed), the typo expansion below is read from it, and
            # the next keystroke narrows it in turn
            self._expand(word, k, True)
            prefix = False
        base = frozenset((word,) + self._stem_forms(word)) | self._translations(word)
        if not (k or prefix):
            return base, base
        near = self._expand(word, k, prefix)
        cap = SHORT_PREFIX_TERMS.get(len(word)) if prefix else None
        if cap is not None and len(near) > cap:
            df = self._df
            near = sorted(near, key=lambda t: (-df.get(t, 0), t))[:cap]
        return base, base.union(near)

    def _group_query(self, kind: str, words: tuple[tuple[str, bool], ...], fields, fuzzy_fields):
        """The must clause of one query word, or of an OR group of words (cached).

        One boolean of optional clauses, so each posting list is read once:
          exact  BM25 × EXACT_BOOST × field boost on the exact word, in every
                 scored field (only when the vocabulary has it: a word still
                 being typed usually is not a word yet);
          near   constant TYPO_SCORE for the word's other terms (stem forms,
                 typo and prefix neighbours, see :meth:`_terms`): a term-set
                 query per match field, one automaton pass over its term
                 dictionary (an OR group's words share it).
        A document holding an exact word ranks above one holding only its
        other forms; the same clause counts (tantivy skips scoring then).
        """
        key = (kind, fields, words)
        return self._query_cache.get_or(key, lambda: self._make_group_query(kind, words, fields, fuzzy_fields))

    def _make_group_query(self, kind, words, fields, fuzzy_fields):
        import tantivy
        Q, Should = tantivy.Query, tantivy.Occur.Should
        schema = self._tv[kind][1]
        exact = {w for w, _p, _a in words if w in self._df}
        clauses = [(Should, Q.boost_query(Q.term_query(schema, f, w), b * EXACT_BOOST))
                   for w in sorted(exact) for f, b in fields]
        term_sets = [self._terms(w, p, a) for w, p, a in words]
        far = frozenset().union(*(self._far_terms(w, p, a) for w, p, a in words))
        for f, _b in _match_fields(kind, fields):
            terms = frozenset().union(*(full if f in fuzzy_fields else base for base, full in term_sets)) - exact
            # two edits away ranks below one edit away (and stem forms)
            for tier, score in ((terms - far, TYPO_SCORE), (terms & far, FAR_TYPO_SCORE)):
                if not tier:
                    continue
                near = Q.term_query(schema, f, next(iter(tier))) if len(tier) == 1 else \
                    Q.term_set_query(schema, f, sorted(tier))
                clauses.append((Should, Q.const_score_query(near, score)))
        if not clauses:         # a word no document holds, in no form
            return Q.term_query(schema, fields[0][0], words[0][0])
        return clauses[0][1] if len(clauses) == 1 else Q.boolean_query(clauses)

    def _phrase_query(self, kind: str, phrase: tuple[str, ...], fields=None):
        import tantivy
        Q = tantivy.Query
        schema = self._tv[kind][1]
        fields = fields or _FIELDS[kind]
        if len(phrase) == 1:
            return Q.boolean_query([(tantivy.Occur.Should, Q.term_query(schema, f, phrase[0])) for f, _b in fields])
        return Q.boolean_query([(tantivy.Occur.Should, Q.boost_query(Q.phrase_query(schema, f, list(phrase)), b))
                                for f, b in fields])

    def explain(self, query: Query, token: str) -> str | None:
        """Why ``token`` (a matched word, any case) matched ``query``: None for a
        word as typed (or in a phrase), else "word form of X", "X in the other
        language", "begins with X" or "typo of X"."""
        with self._lock:                   # the caches are shared with the search threads
            return self._explain(query, token.lower())

    def _explain(self, query: Query, token: str) -> str | None:
        last = query.last_term if query.prefix_last else None
        reasons = []
        for gi, group in enumerate(query.groups):
            for w in group:
                if token == w:
                    return None
                prefix = w == last and gi == len(query.groups) - 1
                acronym = self._is_acronym(w, query)
                if acronym:
                    if token.startswith(w):
                        reasons.append(f"begins with {w}")
                    continue
                if token in self._translations(w):
                    reasons.append(f"{w} in the other language")
                elif token in self._stem_forms(w):
                    reasons.append(f"word form of {w}")
                elif token in self._terms(w, prefix)[1]:
                    whole = self._is_whole(w, prefix)
                    reasons.append(f"begins with {w}" if prefix and not whole and token.startswith(w)
                                   else f"typo of {w}")
        if any(token in phrase for phrase in query.phrases):
            return None
        return reasons[0] if reasons else None

    # --------------------------------------------------------------- filters
    def _resolve_entities(self, f: Filter) -> tuple[list, str | None]:
        """Entities a filter names: exact name/alias/acronym, else word prefix, else fuzzy."""
        names, ents = self._entity_names.get(f.key, ([], []))
        label = {"organisation": "org"}.get(f.key, f.key)
        if not names:
            return [], f"{label}:{f.value} — no {f.key} known in this corpus"
        value = f.value.casefold()
        def unique(found):
            return list({e.id: e for e in found}.values())
        exact = [ents[i] for i, n in enumerate(names) if n == value]
        if exact:
            return unique(exact), None
        if len(value) < MIN_FILTER_PREFIX:
            # "person:a" on the way to "person:anwar": a letter names dozens of entities, a
            # filter on all of them helps nobody (and costs a search over most documents)
            return [], f"{label}:{f.value} — type at least {MIN_FILTER_PREFIX} letters of the name"
        pref = [ents[i] for i, n in enumerate(names)
                if n.startswith(value) or any(w.startswith(value) for w in n.split())]
        if pref:
            return unique(pref)[:50], None
        from rapidfuzz import fuzz, process
        found = process.extract(value, names, scorer=fuzz.WRatio, score_cutoff=80, limit=20)
        if found:
            best = found[0][1]
            return unique(ents[i] for _n, s, i in found if s >= best - 5), None
        return [], f"{label}:{f.value} — no such {f.key}"

    def _resolve_outlets(self, value: str) -> list[str]:
        outs = self._outlets
        if value in outs:
            return [value]
        found = [o for o in outs if o.startswith(value) or value in o]
        if found:
            return found
        from rapidfuzz import fuzz, process
        return [o for o, _s, _i in process.extract(value, outs, scorer=fuzz.WRatio, score_cutoff=85, limit=5)]

    def _filters(self, kind: str, query: Query, entity_ids: frozenset[str],
                 problems: list[str]) -> list | None:
        """Must clauses for the filters, or None when they match nothing."""
        import tantivy
        Q = tantivy.Query
        schema = self._tv[kind][1]
        out = []
        for f in query.entity_filters():
            ents, problem = self._filter_cache.get_or(("ent", f), lambda: self._resolve_entities(f))
            if problem:
                problems.append(problem)
            if not ents:
                return None
            ids = tuple(e.id for e in ents)
            out.append(self._filter_cache.get_or((kind, "ents", ids), lambda: Q.term_set_query(schema, "ent", [_ent_token(i) for i in ids])))
        for eid in sorted(entity_ids):
            if self.corpus.entity(eid) is None:
                problems.append(f"unknown entity {eid}")
                return None
            out.append(Q.term_query(schema, "ent", _ent_token(eid)))
        for value in query.speaker_filters():
            ents, problem = self._filter_cache.get_or(("ent", Filter("person", value)),
                                                      lambda: self._resolve_entities(Filter("person", value)))
            if problem:
                problems.append(problem.replace("person:", "speaker:", 1))
            if not ents:
                return None
            ids = tuple(e.id for e in ents)
            field, tokens = ("sid", list(ids)) if kind == "quotes" else ("ent", [_ent_token(i) for i in ids])
            out.append(self._filter_cache.get_or((kind, "speaker", ids),
                                                 lambda: Q.term_set_query(schema, field, tokens)))
        outlet_values = query.outlet_filters()
        if outlet_values:
            outlets: set[str] = set()
            for v in outlet_values:
                got = self._filter_cache.get_or(("outlet", v), lambda: self._resolve_outlets(v))
                if not got:
                    problems.append(f"outlet:{v} — no such outlet")
                outlets.update(got)
            if not outlets:
                return None
            if not (self._every_article_has_outlet and outlets.issuperset(self._outlets)):
                out.append(Q.term_set_query(schema, "outlet", sorted(outlets)))
        if query.langs and not query.langs.issuperset(self._langs):
            out.append(Q.term_set_query(schema, "lang", sorted(query.langs)))
        if query.date_from or query.date_to:
            lo = (query.date_from - _EPOCH).days if query.date_from else 1     # rec 0: undated
            hi = (query.date_to - _EPOCH).days if query.date_to else None
            every = self._day_range
            if not (every and lo <= every[0] and (hi is None or hi >= every[1])):
                out.append(Q.range_query(schema, "rec", tantivy.FieldType.Integer, lo, hi))
        return out

    # ---------------------------------------------------------------- search
    def search(self, text: str, limit: int = 200, entity_ids: frozenset[str] | set[str] = frozenset(),
               include_boilerplate: bool = False) -> SearchResults:
        """Search; never raises on any query text (problems are reported).

        Results are cached (the last ``RESULT_CACHE`` searches): the same
        query again returns the same :class:`SearchResults` object.
        """
        entity_ids = frozenset(entity_ids or ())
        limit = max(0, int(limit))
        include_boilerplate = bool(include_boilerplate)
        try:
            key = (text, entity_ids, include_boilerplate, limit)
            hash(key)
        except TypeError:
            key = None
        if key is not None:
            with self._lock:
                got = self._result_cache.get(key)
                if got is not None:
                    self._result_cache.move_to_end(key)
                    return got
        results = self._search(text, limit, entity_ids, include_boilerplate)
        if key is not None:
            with self._lock:
                self._result_cache[key] = results
                if len(self._result_cache) > self._result_cache.size:
                    self._result_cache.popitem(last=False)
        return results

    def _search(self, text, limit, entity_ids, include_boilerplate) -> SearchResults:
        query = self._parse_cache.get_or(text, lambda: parse_query(text))
        results = SearchResults(query=query, problems=list(query.problems))
        # An empty query lists every unit of each kind, newest first (a user can browse). A
        # query with nothing to search yet ("person:", "in:qu" on the way to "in:quotes") gives
        # nothing, as before: it is a step of typing, not a request for everything.
        if text.strip() and not query.has_text and not query.has_filters and not entity_ids:
            return results
        scopes = query.scopes
        kinds = [k for k in KINDS if not scopes
                 or (k == "articles" and "titles" in scopes)
                 or (k == "quotes" and "quotes" in scopes)
                 or (k == "figures" and "figures" in scopes)]
        with self._lock:
            last = query.last_term if query.prefix_last else None
            terms: set[str] = set()
            for gi, group in enumerate(query.groups):
                for w in group:
                    terms |= self._terms(w, w == last and gi == len(query.groups) - 1,
                                         self._is_acronym(w, query))[1]
            ctx = HitContext(self, query, include_boilerplate, frozenset(terms))
            # the lists a reader reads at once (articles, and passages for their snippets) are
            # searched now; the others only counted (a tab label), searched on their first read
            eager = [k for k in kinds if k in ("articles", "passages")] or kinds
            queries = {}
            for kind in kinds:
                problems: list[str] = []
                queries[kind] = self._kind_query(kind, query, entity_ids, include_boilerplate, problems,
                                                 titles_only=(kind == "articles" and "titles" in scopes))
                for p in problems:
                    if p not in results.problems:
                        results.problems.append(p)
        todo = sorted((k for k in kinds if queries[k] is not None), key=lambda k: -len(self._units[k]))
        has_text = query.has_text
        ranked = [k for k in todo if k in eager]
        counted = [k for k in todo if k not in eager]
        found: dict = {}
        pending: dict = {}
        if self._parallel and len(todo) > 1:
            # The biggest ranked list is searched here; one pool thread searches the other,
            # then counts the rest (two cores: the ranked lists are not slowed by the counts,
            # and the counts go on while the ranked lists' rows are read).
            from concurrent.futures import Future
            side = {k: Future() for k in ranked[1:] + counted}
            def job():
                for k, fut in side.items():
                    try:
                        fut.set_result(self._run(k, queries[k], has_text, limit) if k in eager
                                       else self._count(k, queries[k]))
                    except BaseException as exc:  # noqa: BLE001 - handed to the reader
                        fut.set_exception(exc)
            self._pool().submit(job)
            if ranked:
                found[ranked[0]] = self._run(ranked[0], queries[ranked[0]], has_text, limit)
            for k in ranked[1:]:
                found[k] = side[k].result()
            pending = {k: side[k] for k in counted}
        else:
            for k in ranked:
                found[k] = self._run(k, queries[k], has_text, limit)
            pending = {k: self._count(k, queries[k]) for k in counted}
        for kind in ranked:
            res = found[kind]
            scores, rows = self._ranked(kind, has_text, res, limit)
            setattr(results, kind, Hits(self, kind, ctx, res.count, limit, has_text, rows, scores))
            results._counts[kind] = res.count
        for kind, count in pending.items():
            setattr(results, kind, Hits(self, kind, ctx, count, limit, has_text, make_query=self._full_query_maker(
                kind, query, entity_ids, include_boilerplate, kind == "articles" and "titles" in scopes)))
        results._pending = pending
        ctx.passages = results.passages
        return results

    def _full_query_maker(self, kind, query, entity_ids, include_boilerplate, titles_only):
        def make():
            with self._lock:
                return self._kind_query(kind, query, entity_ids, include_boilerplate, [], titles_only=titles_only)
        return make

    def _kind_query(self, kind, query: Query, entity_ids, include_boilerplate, problems, titles_only=False):
        """The tantivy query for one result kind, or None when the filters match nothing."""
        import tantivy
        Q, Occur = tantivy.Query, tantivy.Occur
        schema = self._tv[kind][1]
        filters = self._filters(kind, query, entity_ids, problems)
        if filters is None:
            return None
        clauses = [(Occur.Must, f) for f in filters]
        fields, fuzzy = self._fields_for(kind, titles_only, include_boilerplate)
        if kind == "passages" and not include_boilerplate and not (query.groups or query.phrases):
            # words and phrases read the body field only, which boilerplate passages lack;
            # a query of filters alone lists every passage, so those are left out here
            clauses.append((Occur.MustNot, Q.term_query(schema, "bp", 0 + 1)))
        last = query.last_term if query.prefix_last else None
        for gi, group in enumerate(query.groups):
            is_last_group = gi == len(query.groups) - 1
            words = tuple((w, w == last and is_last_group, self._is_acronym(w, query)) for w in group)
            clauses.append((Occur.Must, self._group_query(kind, words, fields, fuzzy)))
        searched = _FIELDS[kind] + ((("boiler", 0.5),) if include_boilerplate and kind == "passages" else ())
        for phrase in query.phrases:
            clauses.append((Occur.Must, self._phrase_query(kind, phrase, searched)))
        for w in query.excludes:
            for f, _b in searched:
                clauses.append((Occur.MustNot, Q.term_query(schema, f, w)))
        for phrase in query.exclude_phrases:
            clauses.append((Occur.MustNot, self._phrase_query(kind, phrase, searched)))
        if not any(o == Occur.Must for o, _q in clauses):
            clauses.append((Occur.Must, Q.all_query()))
        return Q.boolean_query(clauses)

    def _run(self, kind, q, has_text, limit):
        """The tantivy search itself (releases the GIL, so kinds run in parallel)."""
        searcher = self._tv[kind][2]
        if has_text:
            return searcher.search(q, limit=max(limit, 1), count=True)
        return searcher.search(q, limit=max(limit, 1), count=True, order_by_field="rec")

    def _count(self, kind, q) -> int:
        """How many documents match: a value-count aggregation over the ``u`` fast
        field (every document has one), which neither scores nor keeps a top list
        (measured 20–45% cheaper than a top-1 search with its count)."""
        got = self._tv[kind][2].aggregate(q, _COUNT_AGGREGATION)
        return int(got["n"]["value"])

    def _ranked(self, kind, has_text: bool, res, limit):
        """(scores, unit rows) of a search's hits, best first (equal scores: newest first)."""
        raw = res.hits[:limit]
        if not raw:
            return [], []
        searcher = self._tv[kind][2]
        rows = searcher.fast_field_values("u", [a for _s, a in raw])
        if not has_text:
            return [0.0] * len(rows), rows
        scores = [sc for sc, _a in raw]
        # Equal scores (typo-only matches, prefixes) must come newest first. Documents were
        # added newest first and tantivy returns equal scores in document order, so within
        # one segment they already do; across segments, sort them (a stable sort).
        if searcher.num_segments > 1 and len(set(scores)) < len(scores):
            rec = self._units[kind].rec
            ranked = sorted(zip([-sc for sc in scores], [-rec[r] for r in rows], range(len(rows))))
            rows = [rows[i] for _s, _r, i in ranked]
            scores = [-ns for ns, _r, _i in ranked]
        return scores, rows

    def _fields_for(self, kind, titles_only, include_boilerplate):
        """(fields with boosts, fields with typo tolerance) a query word searches."""
        if kind == "articles" and titles_only:
            return (("title", 2.0),), ("title",)
        if kind == "articles" and include_boilerplate:
            return _FIELDS["articles"] + (("boiler", 0.5),), ("body", "boiler")
        if kind == "passages" and include_boilerplate:
            return _FIELDS["passages"] + (("boiler", 0.5),), ("body", "boiler")
        return _FIELDS[kind], _FUZZY_FIELDS[kind]
