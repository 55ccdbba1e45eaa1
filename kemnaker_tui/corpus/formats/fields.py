"""Column and field names of article records (JSON lines, CSV, JSON arrays):
ours, and the names news-monitoring tools use in their exports.

A record's field names are folded (case, spaces, dashes, dots) and looked up
here, in order: the first name present with a non-blank value wins.
"""
from __future__ import annotations

import re

from kemnaker_tui.corpus.formats.base import text_field
from kemnaker_tui.model import RawDocument

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "full_text", "fulltext", "article_text", "article_body",
             "articlebody", "body_text", "isi", "isi_berita", "konten", "article", "story", "news_content"),
    "title": ("title", "headline", "judul", "article_title", "news_title"),
    "url": ("url", "link", "article_url", "source_url", "permalink", "news_url", "canonical_url", "href"),
    "published": ("published", "publish_date", "published_at", "published_date", "publication_date",
                  "pub_date", "pubdate", "date_published", "date", "datetime", "tanggal", "tanggal_terbit",
                  "created_at", "timestamp"),
    "outlet": ("outlet", "media_name", "media", "source", "source_name", "publisher", "site_name",
               "sitename", "site", "portal", "domain", "nama_media"),
    "author": ("author", "authors", "byline", "penulis", "reporter", "journalist", "writer", "wartawan"),
}


def fold(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", str(name).strip().lower())


def column_for(field: str, names) -> str | None:
    """Which of ``names`` (a header row, a record's keys) holds ``field``, if any."""
    folded = {fold(n): n for n in names}
    for candidate in FIELD_NAMES[field]:
        if candidate in folded:
            return folded[candidate]
    return None


def document_from_record(record: dict, *, key: str, path: str, encoding: str,
                         source: str | None = None) -> RawDocument | None:
    """A RawDocument from one record, or None when it has no text."""
    def get(field: str) -> str | None:
        folded = {fold(k): k for k in record}
        for candidate in FIELD_NAMES[field]:
            if candidate in folded:
                value = record[folded[candidate]]
                if isinstance(value, list):          # "authors": ["A", "B"]
                    value = ", ".join(v for v in value if isinstance(v, str) and v.strip()) or None
                if isinstance(value, dict):          # "author": {"name": ...}, "source": {"name": ...}
                    value = value.get("name")
                value = text_field(value)
                if value is not None:
                    return value.strip() if field != "text" else value
        return None

    text = get("text")
    if text is None:
        return None
    return RawDocument(key=key, path=path, text=text, encoding=encoding, title=get("title"),
                       url=get("url"), published=get("published"), outlet=get("outlet"),
                       author=get("author"), meta_source=source)
