"""Plain data shared by every layer: the reader, the analysis, search, CLI and UI.

Every offset is a character offset into ``Article.text`` — the text exactly as
read from its file — end exclusive, so any view can highlight the original.
"""
from __future__ import annotations

import datetime as dt
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

ENTITY_TYPES = ("person", "organisation", "program", "place")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class _Columns(Sequence):
    """An immutable sequence stored as columns, its items made on read: what
    :class:`SpanList` and :class:`MentionList` share."""
    __slots__ = ()

    def _make(self, i: int):
        raise NotImplementedError

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._make(j) for j in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._make(i)

    def __iter__(self):
        for i in range(len(self)):
            yield self._make(i)

    def __eq__(self, other) -> bool:
        if isinstance(other, (tuple, list, _Columns)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class SpanList(_Columns):
    """An immutable sequence of :class:`Span`, stored as one array of offsets.

    An article's sentences, paragraphs and boilerplate: 100,000 articles hold
    millions of them, and a Span object with its two int objects costs ~100
    bytes where two array slots cost 8. Reads make Span objects on demand;
    equal to any sequence of the same spans (a tuple of Spans included).
    """
    __slots__ = ("_flat",)

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        flat = array("I")
        for s in spans:
            flat.append(s.start)
            flat.append(s.end)
        self._flat = flat

    def __len__(self) -> int:
        return len(self._flat) // 2

    def _make(self, i: int) -> Span:
        return Span(self._flat[2 * i], self._flat[2 * i + 1])

    def pairs(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each span, without making Span objects (bulk readers)."""
        flat = self._flat
        return zip(flat[0::2], flat[1::2])

    def __getstate__(self):
        return self._flat.tobytes()

    def __setstate__(self, state) -> None:
        flat = array("I")
        flat.frombytes(state)
        self._flat = flat


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file the reader could not use, and why (shown to the user, never silent)."""
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article's text as read, before analysis.

    ``key`` names the article everywhere (file name, or ``file#line`` for JSONL).
    Fields other than text come from the container format when it has them
    (JSONL), else are None and the analysis finds them in the text.
    """
    key: str
    path: str
    text: str
    encoding: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    # where the metadata above came from, for evidence ("JSON-LD", "og:site_name", "sidecar"...)
    meta_source: str | None = None
    # when the file was downloaded (ISO timestamp from a fetched page's sidecar), for citations
    fetched_at: str | None = None
    # spans the container format knows are not the article (a PDF's letterhead and contact footer)
    marked: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    key: str                      # stable id: the file name (``name#N`` for JSONL lines)
    path: str
    text: str
    encoding: str
    title: str
    title_span: Span | None       # where the title stands in the text, when it does
    outlet: str | None
    dateline: str | None
    published: dt.date | None
    published_text: str | None
    language: str                 # "id" or "en"
    url: str | None
    boilerplate: Sequence[Span]    # marked, not deleted: not searched or extracted
    paragraphs: Sequence[Span]     # body paragraphs (boilerplate lines excluded)
    sentences: Sequence[Span]      # body sentences, in order
    # (the analysis stores these three as SpanList; any sequence of Spans will do)
    author: str | None = None
    fetched_at: str | None = None          # when it was downloaded (ISO), if it was
    meta_source: str | None = None         # where title/outlet/date/url came from, if not the text
    title_derived: bool = False    # no headline in the file: ``title`` is the lead sentence, shortened

    def is_boilerplate(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(b.overlaps(start, end) for b in self.boilerplate)

    def slice(self, span: Span) -> str:
        return self.text[span.start:span.end]


# Article.text may be kept as UTF-8 bytes (``compact_text``): a str holding a single curly
# quote stores every character in two bytes, and nearly every news text holds one — at
# 100,000 articles that is 800 MB of str for 270 MB of UTF-8. Reading ``article.text``
# gives the str either way (decoded when read; the last few decoded are kept, since a
# reader reads one article many times in a row). Offsets stay in characters. A loaded
# snapshot keeps them in its text file, mapped (``StoredText``): read when shown.
_TEXT_SLOT = Article.__dict__["text"]
_DECODED: dict = {}                 # bytes or StoredText -> str
_DECODED_KEEP = 32
_DECODED_LOCK = threading.Lock()


class StoredText:
    """An article's text kept in a file beside a corpus snapshot (mapped into memory,
    ``library.snapshots``): UTF-8 bytes ``start:end`` of ``source``, read when the
    text is. Pickles as its place only; the reader of the file gives it its source."""
    __slots__ = ("source", "start", "end", "ascii")

    def __init__(self, start: int, end: int, ascii: bool, source=None) -> None:
        self.source, self.start, self.end, self.ascii = source, start, end, ascii

    def raw(self) -> str | bytes:
        """The text as an article keeps it (``compact_text``): a str if ASCII, else UTF-8 bytes."""
        if self.source is None:
            raise ValueError("an article's text was asked before its snapshot's text file was opened")
        data = self.source[self.start:self.end]
        return data.decode("ascii") if self.ascii else data

    def __reduce__(self):
        return StoredText, (self.start, self.end, self.ascii)


def _decoded(raw) -> str:
    got = _DECODED.get(raw)          # bytes keep their hash (a StoredText is its own key): a lookup is cheap
    if got is None:
        got = raw.raw() if raw.__class__ is StoredText else raw
        if got.__class__ is bytes:
            got = got.decode("utf-8", "surrogatepass")
        with _DECODED_LOCK:
            if len(_DECODED) >= _DECODED_KEEP:
                _DECODED.pop(next(iter(_DECODED)), None)
            _DECODED[raw] = got
    return got


class _TextField:
    """The descriptor in place of Article's ``text`` slot: stores what it is given,
    reads back a str."""
    __slots__ = ()

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = _TEXT_SLOT.__get__(obj, owner)
        return value if value.__class__ is str else _decoded(value)

    def __set__(self, obj, value) -> None:
        _TEXT_SLOT.__set__(obj, value)


Article.text = _TextField()


def stored_text(article: Article) -> str | bytes:
    """The text as the article keeps it in memory (a str, or UTF-8 bytes; read from its
    file when it is kept there): for pickling."""
    value = _TEXT_SLOT.__get__(article, Article)
    return value.raw() if value.__class__ is StoredText else value


def text_place(article: Article) -> StoredText | None:
    """Where the article's text is kept in a file, if it is (else None: in memory)."""
    value = _TEXT_SLOT.__get__(article, Article)
    return value if value.__class__ is StoredText else None


def compact_text(text: str) -> str | bytes:
    """What to keep for ``text``: itself when it is ASCII (a str is then one byte a
    character already), else its UTF-8 bytes."""
    return text if text.isascii() else text.encode("utf-8", "surrogatepass")


@dataclass(frozen=True, slots=True)
class Mention:
    article: str
    start: int
    end: int
    text: str


class MentionList(_Columns):
    """An immutable sequence of :class:`Mention`, stored as columns (offsets in
    one array, article keys and surface texts as shared strings): an entity of
    a large corpus has hundreds of thousands of mentions, ~24 bytes each here
    instead of ~120 as objects. Reads make Mention objects on demand."""
    __slots__ = ("_articles", "_texts", "_pos", "_ordered")

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self._articles: list[str] = []
        self._texts: list[str] = []
        self._pos = array("I")
        self._ordered: bool | None = None      # ordered by article key (found on first need)
        for m in mentions:
            self._articles.append(m.article)
            self._texts.append(m.text)
            self._pos.append(m.start)
            self._pos.append(m.end)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int, int, str]], intern: bool = False) -> "MentionList":
        """From (article, start, end, text) rows, without making Mention objects;
        ``intern``: one string object for each surface text (they repeat thousands of
        times in a big corpus)."""
        out = cls()
        rows = rows if isinstance(rows, list) else list(rows)
        if not rows:
            return out
        # column by column, in C: an entity of a large corpus has hundreds of thousands of rows
        arts, starts, ends, texts = zip(*rows)
        out._articles = list(arts)
        out._texts = list(map(sys.intern, texts)) if intern else list(texts)
        pos = [0] * (2 * len(rows))
        pos[0::2] = starts
        pos[1::2] = ends
        out._pos = array("I", pos)
        return out

    def __len__(self) -> int:
        return len(self._articles)

    def _make(self, i: int) -> Mention:
        return Mention(self._articles[i], self._pos[2 * i], self._pos[2 * i + 1], self._texts[i])

    def spans(self):
        """(article, start, end) of each mention, in order (no Mention objects made)."""
        pos = self._pos
        return zip(self._articles, pos[0::2], pos[1::2])

    def article_keys(self) -> list[str]:
        """Each mention's article key, in order (bulk readers: no Mention objects made)."""
        return list(self._articles)

    def in_article(self, key: str) -> list[Mention]:
        """The mentions in one article: by bisection when they are ordered by article
        (as the analysis stores them), else by a scan."""
        arts = self._articles
        if self._ordered is None:
            self._ordered = all(map(str.__le__, arts[:-1], arts[1:]))
        if self._ordered:
            lo = bisect_left(arts, key)
            hi = bisect_right(arts, key, lo)
            return [self._make(i) for i in range(lo, hi)]
        return [self._make(i) for i, a in enumerate(arts) if a == key]

    def __getstate__(self):
        return self._articles, self._texts, self._pos.tobytes()

    def __setstate__(self, state) -> None:
        self._articles, self._texts, raw = state
        self._ordered = None
        self._pos = array("I")
        self._pos.frombytes(raw)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str                        # "person:anwar-sanusi"
    type: str                      # one of ENTITY_TYPES
    name: str                      # canonical name
    acronym: str | None
    aliases: tuple[str, ...]       # every other surface form seen or known
    roles: tuple[str, ...]         # people: titles/positions as printed
    mentions: Sequence[Mention]    # the analysis stores a MentionList; any sequence will do
    # Evidence: why the analysis made this entity (the rule, in words), and whether
    # it is a fact to check first (seen once, a guess from capitalisation ...).
    why: str = ""
    unsure: bool = False

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(mention_articles(self.mentions)))

    @property
    def all_names(self) -> tuple[str, ...]:
        names = (self.name,) + ((self.acronym,) if self.acronym else ()) + self.aliases
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression found in the text, normalised."""
    start: int
    end: int
    text: str
    date: dt.date | None
    year_inferred: bool
    precision: str = "day"         # "day" or "month"


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    article: str
    kind: str                      # meeting, visit, courtesy call, forum, signing
    date: dt.date | None
    date_text: str | None
    year_inferred: bool
    place: str | None
    participants: tuple[str, ...]          # canonical names (people, else organisations)
    participant_ids: tuple[str, ...]
    organisations: tuple[str, ...]
    summary: str
    start: int                     # evidence: the sentence(s) telling it
    end: int
    why: str = ""                  # evidence: the rules that decided kind, date, place, participants
    unsure: bool = False           # e.g. a year inferred, a weekday that does not agree


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article: str
    text: str                      # the words inside the marks
    start: int                     # offsets of the words inside the marks
    end: int
    speaker: str | None            # canonical name
    speaker_id: str | None
    attribution: Span | None       # where the attribution verb/phrase stands
    unterminated: bool = False
    why: str = ""                  # evidence: the rule that chose the speaker (or why there is none)
    unsure: bool = False           # e.g. a pronoun resolved across sentences


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    article: str
    value: float
    unit: str | None
    text: str                      # number + unit as printed
    start: int
    end: int
    sentence: Span
    claimed_by: str | None = None      # canonical name of the person (else organisation) who claimed it
    claimed_by_id: str | None = None
    why: str = ""                      # evidence: how value, unit and claimant were read
    unsure: bool = False

    @property
    def display_value(self) -> str:
        v = self.value
        return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


@dataclass(frozen=True, slots=True)
class Corpus:
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    meetings: tuple[Meeting, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    skipped: tuple[SkippedFile, ...] = ()
    warnings: tuple[str, ...] = ()
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)
    _by_entity: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({a.key: a for a in self.articles})
        self._by_entity.update({e.id: e for e in self.entities})

    def article(self, key: str) -> Article:
        return self._by_key[key]

    def entity(self, entity_id: str) -> Entity | None:
        return self._by_entity.get(entity_id)

    def entity_by_name(self, name: str) -> Entity | None:
        folded = name.casefold()
        for e in self.entities:
            if any(n.casefold() == folded for n in e.all_names):
                return e
        return None


def span_pairs(spans: Iterable[Span]) -> Iterable[tuple[int, int]]:
    """(start, end) of each span of any sequence of spans (fast for a SpanList)."""
    if isinstance(spans, SpanList):
        return spans.pairs()
    return ((s.start, s.end) for s in spans)


def mention_articles(mentions: Iterable[Mention]) -> list[str]:
    """The article key of each mention of any sequence of mentions (fast for a MentionList)."""
    if isinstance(mentions, MentionList):
        return mentions.article_keys()
    return [m.article for m in mentions]


def mentions_in(mentions: Iterable[Mention], key: str) -> list[Mention]:
    """The mentions of any sequence of mentions that stand in article ``key``."""
    if isinstance(mentions, MentionList):
        return mentions.in_article(key)
    return [m for m in mentions if m.article == key]
