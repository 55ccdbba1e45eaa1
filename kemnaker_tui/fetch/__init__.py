"""URLs and feeds into files on disk (httpx, feedparser); no UI.

    from kemnaker_tui.fetch import Fetcher
    results = Fetcher(into=folder).fetch_urls(["https://..."])
    results = Fetcher(into=folder).fetch_feed("https://.../rss")

Each page is kept exactly as downloaded at ``DIR/<host>/<slug>.html`` or
``.pdf`` with a sidecar ``<slug>.json`` (url, final_url, fetched_at, status,
content_type) that the corpus reader reads with the page. Every URL gives one
``Outcome``: fetched, already there, refreshed, unchanged, or failed with a
reason.
"""
from kemnaker_tui.fetch.fetcher import Fetcher, Outcome
from kemnaker_tui.fetch.http import HttpPolicy

__all__ = ["Fetcher", "HttpPolicy", "Outcome"]
