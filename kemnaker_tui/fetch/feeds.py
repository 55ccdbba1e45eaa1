"""RSS and Atom feeds (feedparser): the links of their items. The feed is
downloaded by our own HTTP client (limits, User-Agent), never by feedparser."""
from __future__ import annotations

from kemnaker_tui.fetch.http import FetchError


def item_links(data: bytes, base_url: str) -> list[str]:
    import feedparser
    from urllib.parse import urljoin
    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise FetchError(f"not an RSS or Atom feed ({str(problem)[:120] or 'unreadable'})")
        raise FetchError("the feed has no items")
    links: list[str] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            for candidate in entry.get("links", []):
                if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                    link = candidate["href"]
                    break
        if link:
            link = urljoin(base_url, link.strip())
            if link not in links:
                links.append(link)
    if not links:
        raise FetchError("the feed's items have no links")
    return links
