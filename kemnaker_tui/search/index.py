"""The in-memory search index: tantivy (Rust, index in RAM) for matching and
BM25, our own layer for typo/stem expansion, filters, highlights and snippets.

Four small tantivy indexes, one per result kind, so each list is ranked and
counted on its own and the small ones (quotes, figures) cost almost nothing:

    articles   title, body (boilerplate removed), boiler, names (entity names + aliases)
    passages   one document per body sentence; boilerplate lines flagged bp=1
    quotes     the words inside the quote marks, and the speaker's name
    figures    the sentence holding the figure

Every document carries ``u`` (its row in our unit table, a fast field),
``art`` (article ordinal), ``outlet``, ``lang``, ``day`` (days since
1970-01-01, dated articles only) and ``rec`` (day or 0, for recency order).

A query word becomes two parts (see ``_make_word_parts``):
    match  a must clause with constant score: the word, its stem forms (a term
           set), or any word within its edit distance — as a prefix for the
           word being typed ("mag" finds magang). tantivy runs these as
           automata over its term dictionary, so typo tolerance costs about
           what a plain fuzzy query costs.
    score  optional BM25 clauses on the exact word (boost 2 × field boost),
           so exact forms rank above stem forms and typos.
Words are ANDed, OR groups are disjunctions of their words' match clauses,
phrases are phrase queries, excludes are must-nots, filters are must clauses
(entity filters are terms on an ``ent`` field holding the ids of the entities
each article mentions). Equal scores fall back to recency.
"""
from __future__ import annotations

import datetime as dt
import os
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field

from kemnaker_tui.model import Article, Corpus, Span
from kemnaker_tui.search.query import Filter, Query, parse_query
from kemnaker_tui.search.snippets import Matcher, Snippet, make_snippet, max_edits, merge, title_snippet, to_spans
from kemnaker_tui.search.stemming import StemIndex, guarded_stem

KINDS = ("articles", "passages", "quotes", "figures")
_EPOCH = dt.date(1970, 1, 1)
EXACT_BOOST = 2.0
TYPO_SCORE = 0.3
MAX_STEM_FORMS = 24
_FIELDS = {
    "articles": (("title", 2.0), ("body", 1.0), ("names", 1.2)),
    "passages": (("body", 1.0),),
    "quotes": (("body", 1.0), ("speaker", 0.8)),
    "figures": (("body", 1.0),),
}
_FUZZY_FIELDS = {"articles": ("body",), "passages": ("body",), "quotes": ("body",), "figures": ("body",)}


class Hit:
    """One result. ``spans`` and ``snippet`` are computed on first access (a UI
    renders only the visible rows), then kept."""

    __slots__ = ("kind", "article", "ref_id", "score", "start", "end", "published",
                 "_ctx", "_spans", "_snippet")

    def __init__(self, kind: str, article: str, ref_id: str | None, score: float, start: int, end: int,
                 published: dt.date | None, ctx: "_HitContext") -> None:
        self.kind = kind
        self.article = article
        self.ref_id = ref_id
        self.score = score
        self.start = start
        self.end = end
        self.published = published
        self._ctx = ctx
        self._spans = None
        self._snippet = None

    @property
    def spans(self) -> tuple[Span, ...]:
        """Matched characters in ``Article.text`` (for highlighting), in order."""
        if self._spans is None:
            self._spans = self._ctx.spans(self)
        return self._spans

    @property
    def snippet(self) -> Snippet:
        if self._snippet is None:
            self._snippet = self._ctx.snippet(self)
        return self._snippet

    def __repr__(self) -> str:
        return (f"Hit({self.kind!r}, {self.article!r}, ref_id={self.ref_id!r}, score={self.score:.3f}, "
                f"start={self.start}, end={self.end})")


@dataclass
class SearchResults:
    query: Query
    problems: list[str] = field(default_factory=list)
    articles: list[Hit] = field(default_factory=list)
    passages: list[Hit] = field(default_factory=list)
    quotes: list[Hit] = field(default_factory=list)
    figures: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def hits(self, kind: str) -> list[Hit]:
        return getattr(self, kind)


class _HitContext:
    """What the hits of one search share to compute highlights lazily."""

    def __init__(self, index: "SearchIndex", query: Query, include_boilerplate: bool) -> None:
        self.index = index
        self.query = query
        self.matcher = Matcher(query, {w: index._stem_forms(w) for w in query.terms})
        self.include_boilerplate = include_boilerplate
        self.best_passage: dict[str, Hit] = {}

    def _unit_spans(self, hit: Hit) -> list[tuple[int, int]]:
        text = self.index.corpus.article(hit.article).text
        if hit.kind != "articles":
            return self.matcher.spans(text, hit.start, hit.end)
        article = self.index.corpus.article(hit.article)
        spans = []
        for a, b in _searchable_ranges(article, self.include_boilerplate):
            spans.extend(self.matcher.spans(text, a, b))
        return merge(spans)

    def spans(self, hit: Hit) -> tuple[Span, ...]:
        return to_spans(self._unit_spans(hit))

    def snippet(self, hit: Hit) -> Snippet:
        article = self.index.corpus.article(hit.article)
        text = article.text
        matcher = self.matcher
        if not self.query.has_text:            # filters only: the unit's opening, nothing to highlight
            if hit.kind == "articles":
                unit = article.title_span or (article.sentences[0] if article.sentences else Span(0, len(text)))
                if article.title_span is None and article.title:
                    return title_snippet(article.title, matcher)
                return make_snippet(text, unit.start, unit.end, [])
            return make_snippet(text, hit.start, hit.end, [])
        if hit.kind != "articles":
            if hit._spans is not None:
                pairs = [(s.start, s.end) for s in hit._spans]
            else:
                pairs = matcher.spans(text, hit.start, hit.end)
                hit._spans = to_spans(pairs)
            return make_snippet(text, hit.start, hit.end, pairs)
        # an article: its best passage among the passage hits, else its best sentence
        passage = self.best_passage.get(hit.article)
        if passage is not None:
            pairs = matcher.spans(text, passage.start, passage.end)
            if pairs:
                return make_snippet(text, passage.start, passage.end, pairs)
        # scan sentences in order; stop at the first that matches as many words as the query has groups
        want = max(1, len(self.query.groups) + len(self.query.phrases))
        units = list(article.sentences)
        if article.title_span:
            units.insert(0, article.title_span)
        if self.include_boilerplate:
            units.extend(article.boilerplate)
        best, best_n, best_pairs = None, 0, []
        for unit in units:
            pairs = matcher.spans(text, unit.start, unit.end)
            if pairs:
                n = len({text[s:e].lower() for s, e in pairs})
                if n > best_n:
                    best, best_n, best_pairs = unit, n, pairs
                    if n >= want:
                        break
        if best is not None:
            return make_snippet(text, best.start, best.end, best_pairs)
        spans = self._unit_spans(hit)
        tsnip = title_snippet(article.title, matcher) if article.title else None
        if tsnip is not None and (tsnip.highlights or not spans):
            return tsnip
        if spans:
            s0 = spans[0][0]
            line_start = text.rfind("\n", 0, s0) + 1
            line_end = text.find("\n", s0)
            return make_snippet(text, line_start, len(text) if line_end == -1 else line_end, spans)
        first = article.sentences[0] if article.sentences else Span(0, min(len(text), 180))
        return make_snippet(text, first.start, first.end, [])


def _searchable_ranges(article: Article, include_boilerplate: bool) -> list[tuple[int, int]]:
    if include_boilerplate or not article.boilerplate:
        return [(0, len(article.text))]
    out, pos = [], 0
    for b in sorted(article.boilerplate, key=lambda s: s.start):
        if b.start > pos:
            out.append((pos, b.start))
        pos = max(pos, b.end)
    if pos < len(article.text):
        out.append((pos, len(article.text)))
    return out


class _Units:
    """Our side of one tantivy index: row -> (article ordinal, start, end, ref id)."""

    def __init__(self) -> None:
        self.art = array("I")
        self.start = array("I")
        self.end = array("I")
        self.ref: list[str | None] = []

    def add(self, art: int, start: int, end: int, ref: str | None = None) -> int:
        self.art.append(art)
        self.start.append(start)
        self.end.append(end)
        self.ref.append(ref)
        return len(self.art) - 1

    def __len__(self) -> int:
        return len(self.art)


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
    sb.add_unsigned_field("art", fast=True)
    sb.add_text_field("outlet", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("lang", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("day", fast=True)          # from:/to: run on the fast field
    sb.add_integer_field("rec", fast=True)
    sb.add_text_field("ent", tokenizer_name="raw", index_option="basic")
    if kind == "passages":
        sb.add_unsigned_field("bp", indexed=True)
    for name, _boost in _FIELDS[kind]:
        sb.add_text_field(name, tokenizer_name="default", index_option="position")
    if kind == "articles":
        sb.add_text_field("boiler", tokenizer_name="default", index_option="position")
    return sb.build()


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
        self.build_seconds = 0.0
        self._parallel = (os.cpu_count() or 1) > 1
        self._executor = None

    def _pool(self):
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor
            self._executor = ThreadPoolExecutor(max_workers=3, thread_name_prefix="search")
        return self._executor

    # ------------------------------------------------------------------ build
    @classmethod
    def build(cls, corpus: Corpus, writer_heap: int = 200_000_000) -> "SearchIndex":
        import time

        import tantivy
        t0 = time.perf_counter()
        self = cls(corpus)
        articles = corpus.articles
        self._keys = [a.key for a in articles]
        self._ordinal = {a.key: i for i, a in enumerate(articles)}
        self._published = [a.published for a in articles]
        self._rec = [(a.published - _EPOCH).days if a.published else 0 for a in articles]
        names_of: dict[str, set[str]] = {}
        ents_of: dict[str, set[str]] = {}
        self._entity_articles: dict[str, frozenset[int]] = {}
        for e in corpus.entities:
            arts = set()
            for m in e.mentions:
                n = self._ordinal.get(m.article)
                if n is not None:
                    arts.add(n)
                    names_of.setdefault(m.article, set()).update(e.all_names)
                    ents_of.setdefault(m.article, set()).add(e.id)
            self._entity_articles[e.id] = frozenset(arts)
        self._outlets = sorted({a.outlet.lower() for a in articles if a.outlet})
        self._entity_names = {}     # type -> (list of folded names, list of entities)
        for e in corpus.entities:
            names, ents = self._entity_names.setdefault(e.type, ([], []))
            for n in e.all_names:
                names.append(n.casefold())
                ents.append(e)

        self._tv = {}
        self._units = {kind: _Units() for kind in KINDS}
        writers = {}
        for kind in KINDS:
            schema = _schema(kind)
            index = tantivy.Index(schema)
            self._tv[kind] = [index, schema, None]
            writers[kind] = index.writer(heap_size=writer_heap if kind != "quotes" else 50_000_000)
        Doc = tantivy.Document
        units = self._units
        quotes_by_article: dict[str, list] = {}
        for q in corpus.quotes:
            quotes_by_article.setdefault(q.article, []).append(q)
        figures_by_article: dict[str, list] = {}
        for f in corpus.figures:
            figures_by_article.setdefault(f.article, []).append(f)
        entity_name = {e.id: e.name for e in corpus.entities}

        w_art, w_pas, w_quo, w_fig = (writers[k] for k in KINDS)
        s_art, s_pas, s_quo, s_fig = (self._tv[k][1] for k in KINDS)
        from_dict = Doc.from_dict
        for n, a in enumerate(articles):
            text = a.text
            common = {"art": n, "lang": a.language or "", "rec": self._rec[n]}
            if a.outlet:
                common["outlet"] = a.outlet.lower()
            if a.published:
                common["day"] = self._rec[n]
            if a.key in ents_of:
                common["ent"] = sorted(ents_of[a.key])
            bps = sorted(a.boilerplate, key=lambda s: s.start)
            ranges = _searchable_ranges(a, False)
            body = "\n".join(text[s:e] for s, e in ranges)
            boiler = "\n".join(text[b.start:b.end] for b in bps)
            u = units["articles"].add(n, 0, len(text))
            w_art.add_document(from_dict({"u": u, "title": a.title or "", "body": body, "boiler": boiler,
                                          "names": " ; ".join(sorted(names_of.get(a.key, ()))), **common}, s_art))
            pas = units["passages"]
            for s in a.sentences:
                if bps and a.is_boilerplate(s.start, s.end):
                    continue
                u = pas.add(n, s.start, s.end)
                w_pas.add_document(from_dict({"u": u, "body": text[s.start:s.end], "bp": 0, **common}, s_pas))
            for b in bps:
                u = pas.add(n, b.start, b.end)
                w_pas.add_document(from_dict({"u": u, "body": text[b.start:b.end], "bp": 1, **common}, s_pas))
            for q in quotes_by_article.get(a.key, ()):
                u = units["quotes"].add(n, q.start, q.end, q.id)
                speaker = q.speaker or entity_name.get(q.speaker_id or "", "") or ""
                w_quo.add_document(from_dict({"u": u, "body": q.text, "speaker": speaker, **common}, s_quo))
            for f in figures_by_article.get(a.key, ()):
                s = f.sentence
                u = units["figures"].add(n, s.start, s.end, f.id)
                w_fig.add_document(from_dict({"u": u, "body": text[s.start:s.end], **common}, s_fig))
        for kind in KINDS:
            writers[kind].commit()
            writers[kind].wait_merging_threads()
            index = self._tv[kind][0]
            index.reload()
            self._tv[kind][2] = index.searcher()

        vocab: set[str] = set()
        searcher = self._tv["articles"][2]
        for fname in ("title", "body", "names", "boiler"):
            vocab.update(t for t, _c in searcher.terms_with_prefix(fname, ""))
        self.vocabulary_size = len(vocab)
        self._stems = StemIndex(sorted(vocab))
        self._stem_cache: dict[str, tuple[str, ...]] = {}
        self.build_seconds = time.perf_counter() - t0
        return self

    def __len__(self) -> int:
        return len(self._keys)

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

    def _word_parts(self, kind: str, word: str, prefix: bool, fields=None, fuzzy_fields=None):
        """(match, score) for one query word, cached.

        ``match`` (a must clause, constant score TYPO_SCORE) admits every
        document holding the word, a stem form of it, or a word within its
        edit distance (as a prefix, for the word being typed): tantivy runs it
        as automata/term sets, nearly as cheap as a plain fuzzy query.
        ``score`` (optional clauses) adds BM25 × EXACT_BOOST for the exact
        word, so exact forms rank above stem forms and typos.
        """
        fields = fields or _FIELDS[kind]
        fuzzy_fields = fuzzy_fields or _FUZZY_FIELDS[kind]
        key = (kind, fields, word, prefix)
        return self._query_cache.get_or(key, lambda: self._make_word_parts(kind, word, prefix, fields, fuzzy_fields))

    def _make_word_parts(self, kind, word, prefix, fields, fuzzy_fields):
        import tantivy
        Q, Should = tantivy.Query, tantivy.Occur.Should
        schema = self._tv[kind][1]
        k = max_edits(word)
        forms = self._stem_forms(word)
        match = []
        for f, _b in fields:
            if f in fuzzy_fields and (k or prefix):
                match.append(Q.fuzzy_term_query(schema, f, word, distance=k, prefix=prefix))
            else:
                match.append(Q.term_query(schema, f, word))
            if forms:
                match.append(Q.term_set_query(schema, f, list(forms)))
        m = match[0] if len(match) == 1 else Q.boolean_query([(Should, c) for c in match])
        score = [Q.boost_query(Q.term_query(schema, f, word), b * EXACT_BOOST) for f, b in fields]
        return Q.const_score_query(m, TYPO_SCORE), score

    def _phrase_query(self, kind: str, phrase: tuple[str, ...]):
        import tantivy
        Q = tantivy.Query
        schema = self._tv[kind][1]
        if len(phrase) == 1:
            return Q.boolean_query([(tantivy.Occur.Should, Q.term_query(schema, f, phrase[0]))
                                    for f, _b in _FIELDS[kind]])
        return Q.boolean_query([(tantivy.Occur.Should, Q.boost_query(Q.phrase_query(schema, f, list(phrase)), b))
                                for f, b in _FIELDS[kind]])

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
            out.append(self._filter_cache.get_or((kind, "ents", ids), lambda: Q.term_set_query(schema, "ent", list(ids))))
        for eid in sorted(entity_ids):
            if eid not in self._entity_articles:
                problems.append(f"unknown entity {eid}")
                return None
            out.append(Q.term_query(schema, "ent", eid))
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
            out.append(Q.term_set_query(schema, "outlet", sorted(outlets)))
        if query.langs:
            out.append(Q.term_set_query(schema, "lang", sorted(query.langs)))
        if query.date_from or query.date_to:
            lo = (query.date_from - _EPOCH).days if query.date_from else None
            hi = (query.date_to - _EPOCH).days if query.date_to else None
            out.append(Q.range_query(schema, "day", tantivy.FieldType.Integer, lo, hi))
        return out

    # ---------------------------------------------------------------- search
    def search(self, text: str, limit: int = 200, entity_ids: frozenset[str] | set[str] = frozenset(),
               include_boilerplate: bool = False) -> SearchResults:
        """Search; never raises on any query text (problems are reported)."""
        query = self._parse_cache.get_or(text, lambda: parse_query(text))
        results = SearchResults(query=query, problems=list(query.problems))
        entity_ids = frozenset(entity_ids or ())
        if not query.has_text and not query.has_filters and not entity_ids:
            return results
        limit = max(0, int(limit))
        scopes = query.scopes
        kinds = [k for k in KINDS if not scopes
                 or (k == "articles" and "titles" in scopes)
                 or (k == "quotes" and "quotes" in scopes)
                 or (k == "figures" and "figures" in scopes)]
        with self._lock:
            ctx = _HitContext(self, query, include_boilerplate)
            queries = {}
            for kind in kinds:
                problems: list[str] = []
                queries[kind] = self._kind_query(kind, query, entity_ids, include_boilerplate, problems,
                                                 titles_only=(kind == "articles" and "titles" in scopes))
                for p in problems:
                    if p not in results.problems:
                        results.problems.append(p)
            todo = sorted((k for k in kinds if queries[k] is not None), key=lambda k: -len(self._units[k]))
            found = {}
            if len(todo) > 1 and self._parallel:
                futures = {k: self._pool().submit(self._run, k, queries[k], query.has_text, limit) for k in todo[1:]}
                found[todo[0]] = self._run(todo[0], queries[todo[0]], query.has_text, limit)
                for k, fut in futures.items():
                    found[k] = fut.result()
            else:
                for k in todo:
                    found[k] = self._run(k, queries[k], query.has_text, limit)
            for kind in todo:
                hits, count = self._hits(kind, query, found[kind], limit, ctx)
                setattr(results, kind, hits)
                results.counts[kind] = count
            if ctx is not None:
                best = ctx.best_passage
                for h in results.passages:
                    best.setdefault(h.article, h)
        return results

    def _kind_query(self, kind, query: Query, entity_ids, include_boilerplate, problems, titles_only=False):
        """The tantivy query for one result kind, or None when the filters match nothing."""
        import tantivy
        Q, Occur = tantivy.Query, tantivy.Occur
        schema = self._tv[kind][1]
        filters = self._filters(kind, query, entity_ids, problems)
        if filters is None:
            return None
        clauses = [(Occur.Must, f) for f in filters]
        if kind == "passages" and not include_boilerplate:
            clauses.append((Occur.MustNot, Q.term_query(schema, "bp", 0 + 1)))
        last = query.last_term if query.prefix_last else None
        for gi, group in enumerate(query.groups):
            is_last_group = gi == len(query.groups) - 1
            parts = [self._word_parts_for(kind, titles_only, w, w == last and is_last_group, include_boilerplate)
                     for w in group]
            if len(parts) == 1:
                clauses.append((Occur.Must, parts[0][0]))
            else:
                clauses.append((Occur.Must, Q.boolean_query([(Occur.Should, m) for m, _s in parts])))
            for _m, score in parts:
                clauses.extend((Occur.Should, c) for c in score)
        for phrase in query.phrases:
            clauses.append((Occur.Must, self._phrase_query(kind, phrase)))
        fields = [f for f, _b in _FIELDS[kind]]
        for w in query.excludes:
            for f in fields:
                clauses.append((Occur.MustNot, Q.term_query(schema, f, w)))
        for phrase in query.exclude_phrases:
            clauses.append((Occur.MustNot, self._phrase_query(kind, phrase)))
        if not any(o == Occur.Must for o, _q in clauses):
            clauses.append((Occur.Must, Q.all_query()))
        return Q.boolean_query(clauses)

    def _run(self, kind, q, has_text, limit):
        """The tantivy search itself (releases the GIL, so kinds run in parallel)."""
        searcher = self._tv[kind][2]
        if has_text:
            return searcher.search(q, limit=max(limit, 1), count=True)
        return searcher.search(q, limit=max(limit, 1), count=True, order_by_field="rec")

    def _hits(self, kind, query: Query, res, limit, ctx):
        searcher = self._tv[kind][2]
        raw = res.hits[:limit]
        if not raw:
            return [], res.count
        rows = searcher.fast_field_values("u", [a for _s, a in raw])
        units = self._units
        u = units[kind]
        arts, starts, ends, refs = u.art, u.start, u.end, u.ref
        keys, published, rec = self._keys, self._published, self._rec
        has_text = query.has_text
        if has_text:
            # best first; equal scores (typo-only matches, prefixes) newest first
            order = sorted(((-round(sc, 4), -rec[arts[row]], i, row) for i, ((sc, _a), row) in enumerate(zip(raw, rows))))
            hits = [Hit(kind, keys[arts[row]], refs[row], -nsc, starts[row], ends[row], published[arts[row]], ctx)
                    for nsc, _r, _i, row in order]
        else:
            hits = [Hit(kind, keys[arts[row]], refs[row], 0.0, starts[row], ends[row], published[arts[row]], ctx)
                    for row in rows]
        return hits, res.count

    def _word_parts_for(self, kind, titles_only, word, prefix, include_boilerplate):
        if kind == "articles" and titles_only:
            return self._word_parts(kind, word, prefix, (("title", 2.0),), ("title",))
        if kind == "articles" and include_boilerplate:
            return self._word_parts(kind, word, prefix, _FIELDS["articles"] + (("boiler", 0.5),), ("body", "boiler"))
        return self._word_parts(kind, word, prefix)
