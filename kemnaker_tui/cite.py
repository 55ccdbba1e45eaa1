"""Citations: a quote, a passage or an article, with its source, as text to paste.

No UI imports (no Textual, no Rich). Two steps, so a clip can be stored and
rendered again later without the corpus (the basket does this)::

    c = quote_citation(corpus, quote)          # -> Citation (plain data, JSON-able)
    c = passage_citation(corpus, article_key, start, end)
    c = article_citation(corpus, article_key)
    render(c, fmt="plain", lang="id") -> str   # fmt: plain | md | csl | bibtex
    render_many([c, ...], fmt, lang) -> str    # one document: csl = one JSON array

    # shortcuts
    cite_quote(corpus, quote_or_id, fmt="plain", lang="id") -> str
    cite_passage(corpus, article_key, start, end, fmt="plain", lang="id") -> str
    cite_article(corpus, article_key, fmt="plain", lang="id") -> str

A quote cites its words, the speaker with a role as printed in the article, the
outlet, the date, the headline and the URL (else the file's path). An article
with no headline in its file is cited without one ("tanpa judul" / "untitled"):
the lead sentence the explorer shows in its place is never passed off as the
headline. A quote left open in the article (no closing mark) ends with "[…]". The date is the
publication date; when the article has none, the date of the event it reports
(a Meeting), labelled as such, and marked when its year was inferred. Dates are
written by Babel (``id``: "29 November 2023", ``en``: "November 29, 2023");
``lang`` also sets the few labels ("tanggal acara" / "event date").

Formats: ``plain`` (“words” + a line "— Speaker, Role. “Title.” Outlet,
date. URL"), ``md`` (a block quote + an attribution line, Markdown escaped),
``csl`` (a CSL-JSON array with one article-newspaper item; the quote goes in
``note``), ``bibtex`` (an ``@article`` entry; the quote in ``note``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

from kemnaker_tui.model import Article, Corpus, Quote

FORMATS = ("plain", "md", "csl", "bibtex")
LANGUAGES = ("id", "en")
KINDS = ("quote", "passage", "article")

_LABELS = {
    "id": {"event": "tanggal acara", "inferred": "tahun diperkirakan", "undated": "tanpa tanggal",
           "unknown_speaker": "narasumber tidak disebut", "quote": "Kutipan",
           "published_unknown": "tanggal terbit tidak diketahui", "untitled": "tanpa judul"},
    "en": {"event": "event date", "inferred": "year inferred", "undated": "undated",
           "unknown_speaker": "unnamed speaker", "quote": "Quote",
           "published_unknown": "publication date unknown", "untitled": "untitled"},
}
_BIB_LANG = {"id": "indonesian", "en": "english"}
_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True, slots=True)
class Citation:
    """Everything a citation needs, resolved from the corpus (plain, JSON-able data)."""
    kind: str                    # quote | passage | article
    article_key: str
    title: str
    outlet: str | None = None
    url: str | None = None
    date: dt.date | None = None
    date_kind: str = "none"      # published | event | none
    year_inferred: bool = False
    date_precision: str = "day"  # day | month
    article_language: str = "id"
    text: str | None = None      # the quoted words / the passage (None for an article)
    speaker: str | None = None   # canonical name
    role: str | None = None      # as printed in the article, when known
    quote_id: str | None = None
    start: int | None = None     # offsets of ``text`` in the article
    end: int | None = None
    path: str | None = None      # the file it was read from (cited when there is no URL)
    cut: bool = False            # a quote left open in the article: its end is not known
    accessed: dt.date | None = None   # when the page was fetched (its sidecar), for the URL

    def to_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        d["accessed"] = self.accessed.isoformat() if self.accessed else None
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "Citation":
        known = {f.name: f for f in fields(cls)}
        d = {k: v for k, v in data.items() if k in known}
        if d.get("date"):
            if not isinstance(d["date"], str):
                raise ValueError(f"not a citation: date {d['date']!r} is not an ISO date")
            d["date"] = dt.date.fromisoformat(d["date"])
        else:
            d["date"] = None
        try:
            d["accessed"] = dt.date.fromisoformat(d["accessed"]) if isinstance(d.get("accessed"), str) else None
        except ValueError:
            d["accessed"] = None
        if d.get("kind") not in KINDS or not d.get("article_key") or not isinstance(d.get("title"), str):
            raise ValueError("not a citation: needs kind, article_key and title")
        # A basket file edited by hand or by another tool: every field of its type.
        for name, value in d.items():
            default = known[name].default
            if name in ("date", "accessed") or (value is None and default is None):
                continue
            want = bool if isinstance(default, bool) else int if name in ("start", "end") else str
            if not isinstance(value, want) or (want is int and isinstance(value, bool)):
                raise ValueError(f"not a citation: {name} {value!r} is not a {want.__name__}")
        return cls(**d)


# -- from the corpus ---------------------------------------------------------

def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


CUT = "[…]"


def source_date(corpus: Corpus, article_key: str, pos: int | None = None) -> tuple:
    """(date, "published" | "event" | "none", year inferred): the date a citation of
    the unit at ``pos`` uses (what a list row should show beside it)."""
    d = _source_date(corpus, corpus.article(article_key), pos)
    return d.get("date"), d.get("date_kind", "none"), d.get("year_inferred", False)


_DATED: tuple = (None, {})     # (corpus, article key -> its dated meetings by start): the last corpus asked


def _dated_meetings(corpus: Corpus) -> dict:
    """Each article's dated meetings, in text order, made once per corpus (a list
    row, an export or a table asks for thousands of dates: no scan of every
    meeting for each)."""
    global _DATED
    cached_corpus, by_article = _DATED
    if cached_corpus is not corpus:
        by_article = {}
        for m in corpus.meetings:
            if m.date is not None:
                by_article.setdefault(m.article, []).append(m)
        for items in by_article.values():
            items.sort(key=lambda m: m.start)
        _DATED = (corpus, by_article)
    return by_article


def _source_date(corpus: Corpus, article: Article, pos: int | None) -> dict:
    """Publication date, else the date of the event nearest ``pos`` in the article."""
    if article.published is not None:
        return {"date": article.published, "date_kind": "published", "year_inferred": False,
                "date_precision": "day"}
    dated = _dated_meetings(corpus).get(article.key, ())
    if not dated:
        return {}
    chosen = dated[0]
    if pos is not None:
        containing = [m for m in dated if m.start <= pos < m.end]
        before = [m for m in dated if m.start <= pos]
        chosen = containing[0] if containing else (before[-1] if before else dated[0])
    return {"date": chosen.date, "date_kind": "event", "year_inferred": chosen.year_inferred,
            "date_precision": "day"}


def _base(corpus: Corpus, article_key: str, pos: int | None) -> dict:
    article = corpus.article(article_key)
    # a title derived from the lead sentence is not a headline: cite none
    title = "" if getattr(article, "title_derived", False) or article.title == "(untitled)" else article.title
    return {"article_key": article.key, "title": _clean(title), "outlet": article.outlet,
            "url": article.url, "path": None if article.url else article.path,
            "article_language": article.language or "id",
            "accessed": _accessed(article), **_source_date(corpus, article, pos)}


def _accessed(article: Article) -> dt.date | None:
    try:
        return dt.date.fromisoformat(article.fetched_at[:10]) if article.fetched_at else None
    except ValueError:
        return None


def speaker_role(corpus: Corpus, speaker_id: str | None, article_key: str | None = None) -> str | None:
    """The speaker's role, preferring one printed in this article, then the longest."""
    entity = corpus.entity(speaker_id) if speaker_id else None
    if entity is None or not entity.roles:
        return None
    roles = list(entity.roles)
    if article_key is not None:
        try:
            text = corpus.article(article_key).text.casefold()
        except KeyError:
            text = ""
        here = [r for r in roles if r.casefold() in text]
        if here:
            roles = here
    role = max(roles, key=len)
    # "Sekretaris Jenderal Kementerian Ketenagakerjaan (Sekjen Kemnaker)": the gloss is not the role.
    return re.sub(r"\s*\([^()]*\)\s*$", "", role) or role


def _find_quote(corpus: Corpus, quote: Quote | str) -> Quote:
    if isinstance(quote, Quote):
        return quote
    for q in corpus.quotes:
        if q.id == quote:
            return q
    raise KeyError(f"no quote with id {quote!r}")


def quote_citation(corpus: Corpus, quote: Quote | str) -> Citation:
    q = _find_quote(corpus, quote)
    speaker = q.speaker
    if speaker is None and q.speaker_id:
        entity = corpus.entity(q.speaker_id)
        speaker = entity.name if entity else None
    return Citation(kind="quote", text=_clean(q.text), speaker=speaker, cut=bool(q.unterminated),
                    role=speaker_role(corpus, q.speaker_id, q.article), quote_id=q.id,
                    start=q.start, end=q.end, **_base(corpus, q.article, q.start))


def passage_citation(corpus: Corpus, article_key: str, start: int, end: int) -> Citation:
    article = corpus.article(article_key)
    if not (0 <= start < end <= len(article.text)):
        raise ValueError(f"passage {start}:{end} is outside {article_key} (length {len(article.text)})")
    return Citation(kind="passage", text=_clean(article.text[start:end]), start=start, end=end,
                    **_base(corpus, article_key, start))


def article_citation(corpus: Corpus, article_key: str) -> Citation:
    return Citation(kind="article", **_base(corpus, article_key, None))


# -- dates -------------------------------------------------------------------

def format_date(date: dt.date, lang: str = "id", precision: str = "day") -> str:
    """A date in words, by Babel: id "29 November 2023", en "November 29, 2023"."""
    from babel.dates import format_date as babel_format_date
    if precision == "month":
        return babel_format_date(date, "MMMM y", locale=lang)
    return babel_format_date(date, "long", locale=lang)


def date_label(c: Citation, lang: str = "id") -> str | None:
    """The date as written in a citation, with its marks: "24 Januari 2025 (tanggal acara; tahun diperkirakan)"."""
    if c.date is None:
        return None
    labels = _LABELS[lang]
    text = format_date(c.date, lang, c.date_precision)
    marks = []
    if c.date_kind == "event":
        marks.append(labels["event"])
    if c.year_inferred:
        marks.append(labels["inferred"])
    return f"{text} ({'; '.join(marks)})" if marks else text


# -- rendering ---------------------------------------------------------------

def _check(fmt: str, lang: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown citation format {fmt!r} (one of: {', '.join(FORMATS)})")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown citation language {lang!r} (one of: {', '.join(LANGUAGES)})")


def _end_with_period(text: str) -> str:
    return text if text[-1:] in ".!?…" else text + "."


def _speaker_text(c: Citation, lang: str) -> str:
    return c.speaker or _LABELS[lang]["unknown_speaker"]


def _title_text(c: Citation, lang: str) -> str:
    return f"“{_end_with_period(c.title)}”" if c.title else f"({_LABELS[lang]['untitled']})."


def _quoted_words(c: Citation) -> str:
    """The words as cited: a quote left open in the article is marked as cut."""
    text = c.text or ""
    return f"{text} {CUT}" if c.cut and not text.endswith(CUT) else text


def attribution(c: Citation, lang: str = "id") -> str:
    """One plain line: "Anwar Sanusi, Sekretaris Jenderal …. “Title.” jpnn.com, 29 November 2023. URL"."""
    parts = []
    if c.kind == "quote":
        who = _speaker_text(c, lang) + (f", {c.role}" if c.role else "")
        parts.append(_end_with_period(who))
    parts.append(_title_text(c, lang))
    where = ", ".join(p for p in (c.outlet, date_label(c, lang) or _LABELS[lang]["undated"]) if p)
    parts.append(_end_with_period(where))
    if c.url:
        parts.append(c.url)
        if c.accessed:
            parts.append(f"({'diakses' if lang == 'id' else 'accessed'} {format_date(c.accessed, lang)})")
    elif c.path:
        parts.append(c.path)
    return " ".join(parts)


def _plain(c: Citation, lang: str) -> str:
    if c.kind == "article":
        return attribution(c, lang)
    return f"“{_quoted_words(c)}”\n— {attribution(c, lang)}"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A line start that Markdown would read as a heading, list or block quote.
    return re.sub(r"^(\s*)([#+\-=]|\d+\.)(?=\s|$)", lambda m: m.group(1) + "\\" + m.group(2), text)


def _md_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _md_attribution(c: Citation, lang: str) -> str:
    parts = []
    if c.kind == "quote":
        who = f"**{md_escape(_speaker_text(c, lang))}**" + (f", {md_escape(c.role)}" if c.role else "")
        parts.append(_end_with_period(who))
    if c.title:
        title = md_escape(_end_with_period(c.title))
        parts.append(f"[{title}]({_md_url(c.url)})" if c.url else f"“{title}”")
    else:
        untitled = f"({_LABELS[lang]['untitled']})"
        parts.append(f"[{untitled}]({_md_url(c.url)})." if c.url else untitled + ".")
    outlet = f"*{md_escape(c.outlet)}*" if c.outlet else None
    when = md_escape(date_label(c, lang) or _LABELS[lang]["undated"])
    parts.append(_end_with_period(", ".join(p for p in (outlet, when) if p)))
    if not c.url and c.path:
        parts.append(f"`{c.path}`" if "`" not in c.path else md_escape(c.path))
    return " ".join(parts)


def _md(c: Citation, lang: str) -> str:
    if c.kind == "article":
        return _md_attribution(c, lang)
    lines = _quoted_words(c).splitlines() or [""]
    quoted = "\n".join(f"> {md_escape(line)}".rstrip() for line in lines)
    return f"{quoted}\n\n— {_md_attribution(c, lang)}"


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def citation_key(c: Citation) -> str:
    """A stable, readable key: outlet + year + first title word (+ quote id)."""
    outlet = _ascii_slug((c.outlet or "").split(".")[0]).replace("-", "") or "news"
    year = str(c.date.year) if c.date else "nd"
    words = [w for w in _ascii_slug(c.title).split("-") if len(w) > 2] or ["untitled"]
    key = f"{outlet}{year}{words[0]}"
    if c.kind == "quote" and c.quote_id:
        key += "-" + _ascii_slug(c.quote_id)
    elif c.kind == "passage" and c.start is not None:
        key += f"-p{c.start}"
    return key


def _note(c: Citation, lang: str) -> str | None:
    notes = []
    if c.kind in ("quote", "passage") and c.text:
        quote = f"“{_quoted_words(c)}”"
        if c.kind == "quote":
            who = _speaker_text(c, lang) + (f", {c.role}" if c.role else "")
            quote += f" — {who}"
        notes.append(quote)
    if c.date_kind == "event":
        unknown = _LABELS[lang]["published_unknown"]
        notes.append(f"{unknown[:1].upper()}{unknown[1:]}; {date_label(c, lang)}")
    return ". ".join(notes) if notes else None


def csl_item(c: Citation, lang: str = "id") -> dict:
    item: dict = {"id": citation_key(c), "type": "article-newspaper"}
    if c.title:
        item["title"] = c.title
    if c.outlet:
        item["container-title"] = c.outlet
    if c.date:
        parts = [c.date.year, c.date.month] + ([c.date.day] if c.date_precision == "day" else [])
        issued: dict = {"date-parts": [parts]}
        if c.date_kind == "event":
            item["event-date"] = dict(issued)
            issued["circa"] = True
        item["issued"] = issued
    if c.url:
        item["URL"] = c.url
        if c.accessed:
            item["accessed"] = {"date-parts": [[c.accessed.year, c.accessed.month, c.accessed.day]]}
    elif c.path:
        item["source"] = c.path
    item["language"] = c.article_language
    note = _note(c, lang)
    if note:
        item["note"] = note
    return item


_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bib_escape(text: str) -> str:
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in text)


def _bibtex(c: Citation, lang: str) -> str:
    fields_: list[tuple[str, str]] = [("title", "{" + bib_escape(c.title) + "}")] if c.title else []
    if c.outlet:
        fields_.append(("journal", bib_escape(c.outlet)))
    if c.date:
        fields_.append(("year", str(c.date.year)))
        fields_.append(("month", _BIB_MONTHS[c.date.month - 1]))
        if c.date_precision == "day" and c.date_kind == "published":
            fields_.append(("date", c.date.isoformat()))
    if c.url:
        fields_.append(("url", c.url.replace("{", "%7B").replace("}", "%7D")))
        if c.accessed:
            fields_.append(("urldate", c.accessed.isoformat()))
    elif c.path:
        fields_.append(("howpublished", bib_escape(c.path)))
    fields_.append(("langid", _BIB_LANG.get(c.article_language, c.article_language)))
    note = _note(c, lang)
    if note:
        fields_.append(("note", bib_escape(note)))
    lines = [f"@article{{{citation_key(c)},"]
    for name, value in fields_:
        lines.append(f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


# Control characters (C0 but tab and newline, DEL, C1) from the corpus never
# reach a citation: it is printed to terminals and pasted into them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _inert(text: str) -> str:
    return _CONTROL.sub("", text)


def _inert_json(text: str) -> str:
    """JSON keeps the data: json.dumps escapes C0; escape DEL and C1 the same way."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def render(c: Citation, fmt: str = "plain", lang: str = "id") -> str:
    _check(fmt, lang)
    if fmt == "plain":
        return _inert(_plain(c, lang))
    if fmt == "md":
        return _inert(_md(c, lang))
    if fmt == "csl":
        return _inert_json(json.dumps([csl_item(c, lang)], ensure_ascii=False, indent=2))
    return _inert(_bibtex(c, lang))


def render_many(citations: Iterable[Citation], fmt: str = "plain", lang: str = "id") -> str:
    """Several citations as one document (csl: one JSON array; md: separated by rules)."""
    _check(fmt, lang)
    items = list(citations)
    if fmt == "csl":
        return _inert_json(json.dumps([csl_item(c, lang) for c in items], ensure_ascii=False, indent=2))
    sep = "\n\n---\n\n" if fmt == "md" else "\n\n"
    return sep.join(render(c, fmt, lang) for c in items)


def cite_quote(corpus: Corpus, quote: Quote | str, fmt: str = "plain", lang: str = "id") -> str:
    return render(quote_citation(corpus, quote), fmt, lang)


def cite_passage(corpus: Corpus, article_key: str, start: int, end: int,
                 fmt: str = "plain", lang: str = "id") -> str:
    return render(passage_citation(corpus, article_key, start, end), fmt, lang)


def cite_article(corpus: Corpus, article_key: str, fmt: str = "plain", lang: str = "id") -> str:
    return render(article_citation(corpus, article_key), fmt, lang)
