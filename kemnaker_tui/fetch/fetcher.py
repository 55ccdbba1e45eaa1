"""Fetch URLs (or a feed's items) into a folder: download, check that it is an
article (HTML or PDF the corpus can read), keep it with its sidecar."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from kemnaker_tui.corpus.formats import SIZE_LIMITS, FormatError, sniff
from kemnaker_tui.corpus.formats.origin import Origin
from kemnaker_tui.fetch.feeds import item_links
from kemnaker_tui.fetch.http import FetchError, Http, HttpPolicy
from kemnaker_tui.fetch.store import Store, now_iso


@dataclass(frozen=True)
class Outcome:
    url: str
    status: str                   # fetched | refreshed | unchanged | already | failed
    path: str | None = None
    reason: str | None = None
    final_url: str | None = None
    title: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def to_dict(self) -> dict:
        return asdict(self)


_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


def kind_of(content_type: str, data: bytes) -> str | None:
    """".html", ".pdf" or None, by the header and then by the bytes."""
    media = content_type.split(";")[0].strip().lower()
    seen = sniff(data[:2048])
    if media == "application/pdf" or seen == ".pdf":
        return ".pdf"
    if media in _HTML_TYPES or seen == ".html":
        return ".html"
    return None


class Fetcher:
    def __init__(self, into: str | Path, policy: HttpPolicy | None = None, refresh: bool = False,
                 progress: Callable[[Outcome], None] | None = None, transport=None) -> None:
        self.store = Store(into)
        self.policy = policy or HttpPolicy()
        self.refresh = refresh
        self.progress = progress
        self._transport = transport
        self._http: Http | None = None

    @property
    def http(self) -> Http:
        if self._http is None:
            self._http = Http(self.policy, transport=self._transport)
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- public ----------------------------------------------------------------

    def fetch_urls(self, urls: Iterable[str]) -> list[Outcome]:
        out = []
        for url in urls:
            outcome = self.fetch_one(url.strip())
            out.append(outcome)
            if self.progress:
                self.progress(outcome)
        return out

    def fetch_feed(self, feed_url: str) -> tuple[Outcome | None, list[Outcome]]:
        """(the feed's own failure or None, an outcome per item)."""
        try:
            response = self.http.get(feed_url, max_bytes=20 * 1024 * 1024)
            links = item_links(response.data, response.final_url)
        except FetchError as exc:
            failure = Outcome(feed_url, "failed", reason=f"feed: {exc}")
            if self.progress:
                self.progress(failure)
            return failure, []
        return None, self.fetch_urls(links)

    def fetch_one(self, url: str) -> Outcome:
        if not url.lower().startswith(("http://", "https://")):
            return Outcome(url, "failed", reason="not an http(s) URL")
        before = self.store.existing(url)
        if before is not None and not self.refresh:
            return Outcome(url, "already", path=str(before), reason="already fetched (--refresh fetches it again)")
        try:
            response = self.http.get(url, max_bytes=self.policy.max_bytes)
        except FetchError as exc:
            return Outcome(url, "failed", reason=str(exc))
        kind = kind_of(response.content_type, response.data)
        if kind is None:
            shown = response.content_type.split(";")[0].strip() or "no content type"
            if shown in _FEED_TYPES or _looks_like_feed(response.data):
                return Outcome(url, "failed", final_url=response.final_url,
                               reason=f"a feed, not a page ({shown}): fetch it with --feed")
            return Outcome(url, "failed", final_url=response.final_url, reason=f"not HTML or PDF ({shown})")
        limit = SIZE_LIMITS[kind]
        if len(response.data) > limit:
            return Outcome(url, "failed", final_url=response.final_url,
                           reason=f"too large ({len(response.data) // 2**20} MB; a {kind} is read up to {limit // 2**20} MB)")
        record = {"url": url, "final_url": response.final_url, "fetched_at": now_iso(),
                  "status": response.status, "content_type": response.content_type}
        try:
            title = _check_article(kind, response, record)
        except FormatError as exc:
            return Outcome(url, "failed", final_url=response.final_url, reason=f"no article: {exc}")
        if before is not None:                 # an explicit refresh of a page we have
            page = before if before.suffix == kind else before.with_suffix(kind)
            old = before.read_bytes() if before.exists() else b""
            if old == response.data:
                return Outcome(url, "unchanged", path=str(before), final_url=response.final_url, title=title)
            self.store.save(page, response.data, record)
            return Outcome(url, "refreshed", path=str(page), final_url=response.final_url, title=title,
                           reason="replaced the earlier copy")
        page = self.store.place(response.final_url, kind, url)
        self.store.save(page, response.data, record)
        return Outcome(url, "fetched", path=str(page), final_url=response.final_url, title=title)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _check_article(kind: str, response, record: dict) -> str | None:
    """Read the download as the corpus will; a page with no article raises FormatError. Returns its title."""
    from kemnaker_tui.corpus.formats import read_html, read_pdf
    origin = Origin(record["url"], record["final_url"], record["fetched_at"], record["content_type"])
    reader = read_pdf if kind == ".pdf" else read_html
    try:
        docs = reader(response.final_url, response.final_url, response.data, origin)
    except FormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug on one page must not stop the others
        raise FormatError(f"cannot read it ({type(exc).__name__}: {exc})") from None
    if isinstance(docs, tuple):
        docs = docs[0]
    return docs[0].title if docs else None
