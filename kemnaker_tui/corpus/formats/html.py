""".html / .htm: a news page as saved by a browser or by ``fetch``.

The article's text comes from trafilatura (a maintained extractor made for
news pages; see the README for how it was chosen): menus, trending lists,
cookie banners, comments, share bars and footers stay out. The page's own
metadata (pagemeta.py) gives title, outlet, date, author and URL; the text's
rules (dateline, header date, "Baca juga", captions) then apply as for any
article. A page with no article — a front page, an index, an error page — is
reported, not loaded.
"""
from __future__ import annotations

import re

from kemnaker_tui.corpus.encoding import NotText, decode_html
from kemnaker_tui.corpus.formats.base import FormatError
from kemnaker_tui.corpus.formats.origin import Origin
from kemnaker_tui.corpus.formats.pagemeta import PageMeta, read_page_meta
from kemnaker_tui.model import RawDocument

# Past this many elements lxml and the extractor slow down a lot; no article page comes near.
MAX_ELEMENTS = 60_000

_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*$")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def read_html(path: str, key: str, data: bytes, origin: Origin | None = None):
    """[document], or ([document], [], [warning]) when the page's encoding needed a guess."""
    import lxml.etree
    import lxml.html

    try:
        text, encoding, warning = decode_html(data, origin.content_type if origin else None)
    except NotText as exc:
        raise FormatError(str(exc)) from None
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise FormatError("empty page")
    try:
        tree = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=False))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FormatError(f"not readable as HTML ({exc})") from None
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise FormatError(f"page too complex ({elements:,} elements; read up to {MAX_ELEMENTS:,})")
    meta = read_page_meta(tree)
    anchors = {_norm(a.text_content()) for a in tree.iter("a")}
    _prune_chrome(tree)
    body_lines = _main_text(tree)
    _check_is_article(body_lines, anchors, meta)
    body_lines = _attach_link_labels(body_lines, anchors)

    title = meta.title
    if title:                                # the extractor kept the headline: it heads the text once
        body_lines = [line for i, line in enumerate(body_lines) if i >= 5 or _norm(line) != _norm(title)]
    head = [title] if title else []
    article_text = "\n\n".join(head + body_lines) + "\n"

    sources = dict(meta.sources)
    url = meta.url
    fetched = None
    if origin is not None:
        url, fetched = origin.best_url or url, origin.fetched_at
        sources["url"] = "fetched from"
    doc = RawDocument(
        key=key, path=path, text=article_text, encoding=encoding, title=title, url=url,
        published=meta.published, outlet=meta.outlet, author=meta.author,
        meta_source="; ".join(f"{k}: {v}" for k, v in sources.items()) or None, fetched_at=fetched,
    )
    return ([doc], [], [warning]) if warning else [doc]


# Containers that page templates name for what they are: share bars, paywalls,
# promos, comments, related and trending lists. Generic words, no site's selectors;
# matched against the words of an element's class and id.
_CHROME_WORDS = frozenset("""
share sharing sharer social socmed sosmed paywall subscribe subscription newsletter promo promotion
ads advert advertisement adsense iklan banner cookie cookies consent gdpr comment comments komentar disqus
related terkait recommend recommended recommendation rekomendasi trending popular populer terpopuler
mostpopular most-viewed breadcrumb breadcrumbs sidebar widget outbrain taboola
""".split())
_WORD_SPLIT = re.compile(r"[\s_\-]+")


def _prune_chrome(tree) -> None:
    """Drop containers whose class or id says they are page chrome, unless one
    holds much of the page's paragraph text (then it is the article, whatever its name)."""
    paragraphs = sum(len(p.text_content()) for p in tree.iter("p")) or 1
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main", "h1"):
            continue
        words = set(_WORD_SPLIT.split(f"{el.get('class', '')} {el.get('id', '')}".lower())) - {""}
        if not words & _CHROME_WORDS:
            continue
        inner = sum(len(p.text_content()) for p in el.iter("p"))
        if inner > 0.4 * paragraphs or el.xpath(".//h1"):
            continue
        doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _main_text(tree) -> list[str]:
    import trafilatura
    doc = trafilatura.bare_extraction(tree, favor_recall=True, include_comments=False, include_tables=True,
                                      include_images=False, with_metadata=False, deduplicate=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        return []
    return [line.strip() for line in body.splitlines() if line.strip()]


_BARE_LABEL = re.compile(r"^(?:baca|simak|lihat)\s+(?:juga|pula)\s*:?$|^(?:read|see)\s+(?:also|more)\s*:?$",
                         re.IGNORECASE)


def _attach_link_labels(lines: list[str], anchors: set[str]) -> list[str]:
    """A bare "Baca juga:" line: joined to the headline it labels when the extractor
    kept that link; kept before a headline-like line; dropped before a paragraph
    (the extractor left the link list out, and the rule that marks the line
    after a bare label would mark a body paragraph)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _BARE_LABEL.match(line):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and _norm(nxt) in anchors:
                out.append(f"{line.rstrip(': ')}: {nxt}")
                i += 2
                continue
            if nxt is not None and len(nxt.split()) <= 20 and not _SENTENCE_END.search(nxt):
                out.append(line)             # a headline as plain text after it: the text rules mark both
            i += 1
            continue
        out.append(line)
        i += 1
    return out


def _check_is_article(lines: list[str], anchors: set[str], meta: PageMeta) -> None:
    """Raise FormatError for a page that holds no article: too little prose, or
    prose that is mostly link texts (the teasers of a front or index page)."""
    if not lines:
        raise FormatError("no article text in the page (nothing but menus, links or scripts)")
    total = sum(len(line) for line in lines)
    linked = sum(len(line) for line in lines if _norm(line) in anchors and len(line.split()) >= 2)
    prose = [line for line in lines if len(line.split()) >= 8 and _SENTENCE_END.search(line)]
    link_share = linked / total if total else 1.0
    if link_share > 0.5 or (meta.kind == "index" and (link_share > 0.25 or len(prose) < 2)):
        raise FormatError(f"a home or index page, not an article ({len(lines)} lines, "
                          f"{link_share:.0%} of them links to other pages)")
    if not prose and total < 200:
        raise FormatError("no article text in the page (no paragraph of prose found)")
