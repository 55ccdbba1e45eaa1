"""A web page's own statement of what it is: title, site name, publication
date, author, canonical URL — from JSON-LD (schema.org NewsArticle and kin),
Open Graph and article:* meta tags, other common meta names, ``<time
datetime>`` beside the headline and ``<link rel=canonical>``.

Each value remembers where it came from (``sources``), so the article can say
why it shows a date. Parsing is lxml's, which repairs broken markup.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                           "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "report",
                           "pressrelease", "liveblogposting", "socialmediaposting", "scholarlyarticle"})
INDEX_TYPES = frozenset({"website", "collectionpage", "itemlist", "searchresultspage", "profilepage"})

# meta name/property -> field, in order of trust within each field
_META = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "outlet": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "published": ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                  "publishdate", "publish-date", "publish_date", "content_publisheddate", "dc.date.issued",
                  "dc.date", "date", "sailthru.date", "parsely-pub-date", "dtk:publishdate"),
    "author": ("author", "article:author", "content_author", "dc.creator", "byl", "parsely-author"),
    "url": ("og:url",),
}


@dataclass
class PageMeta:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None
    kind: str | None = None        # "article" | "index" | None (the page does not say)
    sources: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value, source: str) -> None:
        value = _clean(value)
        if value and getattr(self, name) is None:
            setattr(self, name, value)
            self.sources[name] = source


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return {n.lower() for n in names if isinstance(n, str)}


def _ld_objects(tree) -> list[dict]:
    out: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return out


def _names(value) -> str | None:
    """A schema.org author/publisher value as text: "A", {"name": "A"}, [..] -> "A, B"."""
    if isinstance(value, str):
        return None if value.startswith(("http://", "https://")) else value
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _url_of(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def read_page_meta(tree) -> PageMeta:
    meta = PageMeta()
    objects = _ld_objects(tree)
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    if articles:
        art = articles[0]
        meta.kind = "article"
        meta.put("title", art.get("headline") or art.get("name"), "JSON-LD headline")
        meta.put("published", art.get("datePublished") or art.get("dateCreated"), "JSON-LD datePublished")
        meta.put("author", _names(art.get("author")), "JSON-LD author")
        meta.put("outlet", _names(art.get("publisher")), "JSON-LD publisher")
        meta.put("url", _url_of(art.get("url")) or _url_of(art.get("mainEntityOfPage")), "JSON-LD url")
    elif any(_types(o) & INDEX_TYPES for o in objects) and not any(
            "webpage" in _types(o) or "newsarticle" in _types(o) for o in objects):
        meta.kind = "index"
    for o in objects:                      # the site's own name, when the article object lacks it
        if _types(o) & {"website", "newsmediaorganization", "organization"}:
            meta.put("outlet", _names(o.get("name")), "JSON-LD " + sorted(_types(o))[0])
            break

    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in tags:
            tags[key] = content
    og_type = tags.get("og:type", "").lower()
    if meta.kind is None and og_type:
        meta.kind = "article" if og_type in ("article", "news", "news.article") else (
            "index" if og_type == "website" else None)
    for name, keys in _META.items():
        for key in keys:
            if key in tags:
                value = tags[key]
                if name == "author" and value.startswith(("http://", "https://")):
                    continue
                if name == "url" and not value.startswith(("http://", "https://")):
                    continue
                meta.put(name, value, f"<meta {key}>")
    if "article:published_time" in tags and meta.kind is None:
        meta.kind = "article"

    if meta.published is None:
        meta.put("published", _time_near_headline(tree), "<time datetime>")
    for link in tree.xpath('//link[@href]'):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = link.get("href", "")
            if href.startswith(("http://", "https://")):
                meta.put("url", href, "<link rel=canonical>")
            break

    h1 = _headline_element(tree)
    if meta.title is None and h1 is not None:
        meta.put("title", h1.text_content(), "<h1>")
    if meta.title is None:
        titles = tree.xpath("//title")
        if titles:
            meta.put("title", _strip_site(titles[0].text_content(), meta.outlet), "<title>")
    elif meta.sources.get("title", "").startswith("<meta"):
        meta.title = _strip_site(meta.title, meta.outlet)
    if meta.published:
        local = local_date(meta.published, _page_zone(tree, meta.url))
        if local and local != meta.published[:10]:
            meta.sources["published"] += f" ({meta.published}, read in the outlet's time zone)"
        if local:
            meta.published = local
    if meta.author and meta.outlet and meta.author.lower() == meta.outlet.lower():
        meta.author = None                 # "author" meta holding the site's name
    return meta


def _headline_element(tree):
    for path in ("//article//h1", "//main//h1", "//h1",
                 '//h2[contains(concat(" ", normalize-space(@class), " "), " title ")]'):
        found = tree.xpath(path)
        if found:
            return found[0]
    return None


def _time_near_headline(tree) -> str | None:
    """``<time datetime>`` that dates this article: one marked datePublished, or the
    first inside the headline's container (a trending box's times date other articles)."""
    marked = tree.xpath('//time[@datetime][contains(translate(@itemprop, "P", "p"), "datepublished")]')
    if marked:
        return marked[0].get("datetime")
    h1 = _headline_element(tree)
    container = h1
    for _ in range(3):
        if container is None:
            break
        container = container.getparent()
        if container is None:
            break
        times = container.xpath(".//time[@datetime]")
        if times:
            return times[0].get("datetime")
    return None


_SEPARATORS = re.compile(r"\s+[|\-–—•·]\s+")


def _strip_site(title: str | None, outlet: str | None) -> str | None:
    """"Headline - Section - The Outlet" -> "Headline"."""
    if not title:
        return title
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    known = (outlet or "").lower()
    while len(parts) > 1 and (len(parts[-1]) <= 30 or (known and known in parts[-1].lower())):
        parts.pop()
    title = " - ".join(parts)
    return re.sub(r"\s+Halaman\s+all$", "", title)


# A timestamp in UTC ("2025-03-02T23:30:00Z") names the day in London; the
# article appeared on the day of its outlet's clock. The page's language or
# domain says which clock: Indonesian pages WIB (UTC+7), Japanese JST (UTC+9).
_ZONES = {"id": 7, "ja": 9}


def _page_zone(tree, url: str | None) -> int | None:
    lang = (tree.get("lang") or "").split("-")[0].lower()
    if lang in _ZONES:
        return _ZONES[lang]
    host = (url or "").split("/")[2].lower() if (url or "").count("/") >= 2 else ""
    if host.endswith(".id"):
        return 7
    if host.endswith(".jp"):
        return 9
    return None


def local_date(value: str, zone_hours: int | None) -> str | None:
    """The calendar day (ISO) of a timestamp: as written when it carries a local
    offset or none; moved to the outlet's zone when it is UTC and the zone is known."""
    import datetime as dt
    text = value.strip()
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0) and zone_hours is not None \
            and "T" in text.replace(" ", "T", 1) and len(text) > 10:
        stamp = stamp.astimezone(dt.timezone(dt.timedelta(hours=zone_hours)))
    return stamp.date().isoformat()
