"""HTTP for fetching articles: httpx with timeouts (per step and in total),
redirects, a size cap, an honest User-Agent, a pause between requests to one
host, and a retry on 5xx (and 429)."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field


class FetchError(Exception):
    """A URL could not be fetched; the message is the reason shown to the user."""


@dataclass
class HttpPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0          # between two chunks
    total_timeout: float = 60.0         # a server dripping one byte at a time still ends here
    max_bytes: int = 50 * 1024 * 1024   # the largest file a format reads (a PDF); HTML is held to less
    max_redirects: int = 10
    per_host_interval: float = 0.35     # at most ~3 requests a second to one host
    retries: int = 2                    # after a 5xx or 429
    retry_wait: float = 1.0             # doubled each time
    user_agent: str = field(default_factory=lambda: default_user_agent())


def default_user_agent() -> str:
    from kemnaker_tui import __version__
    return (f"kemnaker-tui/{__version__} (a journalist's news-reading tool; fetches single articles "
            f"a user asked for; python-httpx)")


@dataclass
class Response:
    url: str
    final_url: str
    status: int
    content_type: str
    data: bytes


class HostPacer:
    """Keeps requests to one host at least ``interval`` seconds apart (thread-safe)."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, 0.0))
            self._next[host] = at + self.interval
        if at > now:
            time.sleep(at - now)


class Http:
    def __init__(self, policy: HttpPolicy | None = None, transport=None) -> None:
        import httpx
        self.policy = policy or HttpPolicy()
        p = self.policy
        self._client = httpx.Client(
            follow_redirects=True, max_redirects=p.max_redirects,
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            headers={"User-Agent": p.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/pdf,application/rss+xml,"
                               "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                     "Accept-Language": "id,en;q=0.8"},
            transport=transport,
            event_hooks={"request": [self._pace]},
        )
        self.pacer = HostPacer(p.per_host_interval)

    def _pace(self, request) -> None:       # every request, redirects included
        self.pacer.wait(request.url.host)

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, max_bytes: int | None = None) -> Response:
        """GET ``url``; raise FetchError with the reason on any failure."""
        p = self.policy
        attempt = 0
        while True:
            response = self._get_once(url, max_bytes or p.max_bytes)
            retry = response.status >= 500 or response.status == 429
            if retry and attempt < p.retries:
                time.sleep(p.retry_wait * (2 ** attempt))
                attempt += 1
                continue
            if response.status >= 400:
                reason = _REASONS.get(response.status, "")
                tries = f" after {attempt + 1} tries" if attempt else ""
                raise FetchError(f"HTTP {response.status}{' ' + reason if reason else ''}{tries}")
            return response

    def _get_once(self, url: str, max_bytes: int) -> Response:
        import httpx
        deadline = time.monotonic() + self.policy.total_timeout
        try:
            with self._client.stream("GET", url) as r:
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes and r.status_code < 400:
                    raise FetchError(f"too large ({int(declared) // 2**20} MB; the limit is {max_bytes // 2**20} MB)")
                chunks = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"too large (over {max_bytes // 2**20} MB)")
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out (still downloading after {self.policy.total_timeout:g} s)")
                    chunks.append(chunk)
                return Response(url, str(r.url), r.status_code, r.headers.get("content-type", ""), b"".join(chunks))
        except FetchError:
            raise
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (over {self.policy.max_redirects})") from None
        except httpx.ConnectTimeout:
            raise FetchError(f"timed out connecting (after {self.policy.connect_timeout:g} s)") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out (no data for {self.policy.read_timeout:g} s)") from None
        except httpx.ConnectError as exc:
            text = str(exc)
            if "SSL" in text or "certificate" in text.lower() or "TLS" in text:
                raise FetchError(f"TLS error ({text[:160]})") from None
            raise FetchError(f"cannot connect ({text[:160] or 'connection refused'})") from None
        except httpx.UnsupportedProtocol:
            raise FetchError("not an http(s) URL") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {str(exc)[:160]}") from None


_REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone",
            429: "Too Many Requests", 451: "Unavailable For Legal Reasons", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
