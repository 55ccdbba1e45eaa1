"""A real HTTP server on 127.0.0.1 (a random port, a thread) serving pages,
feeds, a PDF, a redirect, a 404, a slow and a flaky endpoint."""
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "formats"))
from outlet_pages import detik_style, home_page, jpnn_style, kompas_style  # noqa: E402
from press_pdfs import kemnaker_release  # noqa: E402


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: list[tuple[float, str, str]] = []      # (time, path, user agent)
        self.flaky_failures = 0
        self.base = ""

    def add(self, path, body, content_type="text/html; charset=utf-8", status=200):
        self.routes[path] = (status, content_type, body)


def _rss(base):
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Warta</title>
<link>{base}/</link><description>x</description>
<item><title>Satu</title><link>{base}/news/kemnaker-buka-lagi</link></item>
<item><title>Dua</title><link>{base}/read/2025/01/15/150-pemagang</link></item>
</channel></rss>""".encode()


def _atom(base):
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Rilis</title>
<id>{base}/atom</id><updated>2025-03-12T00:00:00Z</updated>
<entry><title>Rilis</title><id>r1</id><updated>2025-03-12T00:00:00Z</updated><link rel="alternate" href="/siaran/rilis-jica.pdf"/></entry>
<entry><title>JPNN</title><id>r2</id><updated>2025-03-12T00:00:00Z</updated><link href="{base}/news/minat-magang"/></entry>
</feed>""".encode()


@pytest.fixture
def site():
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            s.hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            path = self.path
            if path == "/slow":
                time.sleep(3)
            if path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(40):
                        self.wfile.write(b"<p>x</p>")
                        self.wfile.flush()
                        time.sleep(0.1)
                except OSError:
                    pass
                return
            if path == "/flaky" and s.flaky_failures < 1:
                s.flaky_failures += 1
                self.send_response(503)
                self.end_headers()
                return
            if path == "/old-link":
                self.send_response(301)
                self.send_header("Location", "/news/kemnaker-buka-lagi")
                self.end_headers()
                return
            if path == "/huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(60 * 1024 * 1024))
                self.end_headers()
                return
            status, ctype, body = s.routes.get(path, (404, "text/html", b"<html><body>Not found</body></html>"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    s.add("/news/kemnaker-buka-lagi", detik_style().data)
    s.add("/read/2025/01/15/150-pemagang", kompas_style().data)
    s.add("/news/minat-magang", jpnn_style().data, "text/html; charset=windows-1252")
    s.add("/flaky", detik_style().data)
    s.add("/", home_page())
    s.add("/siaran/rilis-jica.pdf", kemnaker_release().data, "application/pdf")
    s.add("/rss.xml", _rss(s.base), "application/rss+xml")
    s.add("/atom.xml", _atom(s.base), "application/atom+xml")
    s.add("/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def fast_policy():
    from kemnaker_tui.fetch import HttpPolicy
    return HttpPolicy(connect_timeout=2, read_timeout=1.0, total_timeout=2.0, per_host_interval=0.05,
                      retries=1, retry_wait=0.05)
