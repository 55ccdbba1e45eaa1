"""Fetching against a real HTTP server on 127.0.0.1."""
import json

from kemnaker_tui.corpus.reader import read_paths
from kemnaker_tui.fetch import Fetcher, HttpPolicy


def test_pages_are_kept_as_downloaded_with_a_sidecar(site, tmp_path, fast_policy):
    from outlet_pages import detik_style
    url = site.base + "/news/kemnaker-buka-lagi"
    with Fetcher(tmp_path, policy=fast_policy) as f:
        [outcome] = f.fetch_urls([url])
    assert outcome.status == "fetched", outcome
    page = tmp_path / "127.0.0.1" / "kemnaker-buka-lagi.html"
    assert outcome.path == str(page)
    assert page.read_bytes() == detik_style().data                 # exactly as downloaded
    side = json.loads(page.with_suffix(".json").read_text())
    assert side["url"] == url and side["final_url"] == url and side["status"] == 200
    assert side["content_type"].startswith("text/html") and side["fetched_at"].endswith("+00:00")
    assert outcome.title == detik_style().title
    # the folder reads like any other: the page, its URL and fetch date, no sidecar as an article
    result = read_paths([tmp_path])
    [doc] = result.documents
    assert not result.skipped
    assert doc.url == url and doc.fetched_at == side["fetched_at"]


def test_user_agent_is_honest(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        f.fetch_urls([site.base + "/news/kemnaker-buka-lagi"])
    assert site.hits[0][2].startswith("kemnaker-tui/")


def test_a_page_fetched_twice_is_skipped_then_refreshed_on_request(site, tmp_path, fast_policy):
    url = site.base + "/news/kemnaker-buka-lagi"
    with Fetcher(tmp_path, policy=fast_policy) as f:
        first = f.fetch_one(url)
    with Fetcher(tmp_path, policy=fast_policy) as f:
        again = f.fetch_one(url)
    assert again.status == "already" and again.path == first.path
    assert len(site.hits) == 1                                      # no second request
    with Fetcher(tmp_path, policy=fast_policy, refresh=True) as f:
        assert f.fetch_one(url).status == "unchanged"
    site.routes["/news/kemnaker-buka-lagi"] = (200, "text/html", site.routes["/news/kemnaker-buka-lagi"][2]
                                               .replace(b"4.200 peserta", b"4.300 peserta"))
    with Fetcher(tmp_path, policy=fast_policy, refresh=True) as f:
        refreshed = f.fetch_one(url)
    assert refreshed.status == "refreshed" and refreshed.reason == "replaced the earlier copy"
    assert b"4.300 peserta" in (tmp_path / "127.0.0.1" / "kemnaker-buka-lagi.html").read_bytes()
    assert len(list((tmp_path / "127.0.0.1").iterdir())) == 2     # one page, one sidecar


def test_same_name_from_another_url_is_not_overwritten(site, tmp_path, fast_policy):
    site.add("/other/kemnaker-buka-lagi", site.routes["/read/2025/01/15/150-pemagang"][2])
    with Fetcher(tmp_path, policy=fast_policy) as f:
        a, b = f.fetch_urls([site.base + "/news/kemnaker-buka-lagi", site.base + "/other/kemnaker-buka-lagi"])
    assert a.path.endswith("kemnaker-buka-lagi.html") and b.path.endswith("kemnaker-buka-lagi-2.html")


def test_redirect_keeps_both_urls(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        [o] = f.fetch_urls([site.base + "/old-link"])
    assert o.status == "fetched" and o.final_url == site.base + "/news/kemnaker-buka-lagi"
    side = json.loads((tmp_path / "127.0.0.1" / "kemnaker-buka-lagi.json").read_text())
    assert side["url"] == site.base + "/old-link"
    with Fetcher(tmp_path, policy=fast_policy) as f:   # either URL counts as fetched
        assert f.fetch_one(site.base + "/news/kemnaker-buka-lagi").status == "already"


def test_failures_are_reported_with_their_reason_and_the_rest_fetched(site, tmp_path, fast_policy):
    urls = [site.base + p for p in ("/missing", "/slow", "/logo.png", "/", "/news/kemnaker-buka-lagi", "/huge",
                                    "/drip", "/rss.xml")] + ["ftp://example.org/x", "http://127.0.0.1:9/closed"]
    with Fetcher(tmp_path, policy=fast_policy) as f:
        outcomes = f.fetch_urls(urls)
    reasons = {o.url.replace(site.base, ""): o.reason for o in outcomes if o.failed}
    assert reasons["/missing"] == "HTTP 404 Not Found"
    assert reasons["/slow"].startswith("timed out")
    assert reasons["/logo.png"] == "not HTML or PDF (image/png)"
    assert reasons["/"].startswith("no article: a home or index page")
    assert reasons["/huge"].startswith("too large (60 MB")
    assert reasons["/drip"].startswith("timed out")
    assert reasons["/rss.xml"] == "a feed, not a page (application/rss+xml): fetch it with --feed"
    assert reasons["ftp://example.org/x"] == "not an http(s) URL"
    assert reasons["http://127.0.0.1:9/closed"].startswith("cannot connect")
    assert [o.status for o in outcomes if not o.failed] == ["fetched"]
    assert sorted(p.name for p in (tmp_path / "127.0.0.1").iterdir()) == ["kemnaker-buka-lagi.html",
                                                                           "kemnaker-buka-lagi.json"]


def test_a_5xx_is_retried(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        [o] = f.fetch_urls([site.base + "/flaky"])
    assert o.status == "fetched" and [h[1] for h in site.hits] == ["/flaky", "/flaky"]


def test_pdf_is_kept_as_pdf(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        [o] = f.fetch_urls([site.base + "/siaran/rilis-jica.pdf"])
    assert o.status == "fetched" and o.path.endswith("/127.0.0.1/rilis-jica.pdf")
    [doc] = read_paths([tmp_path]).documents
    assert doc.url == site.base + "/siaran/rilis-jica.pdf" and doc.published == "Jakarta, 12 Maret 2025"


def test_rss_feed_items_are_fetched(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        failure, items = f.fetch_feed(site.base + "/rss.xml")
    assert failure is None
    assert [o.status for o in items] == ["fetched", "fetched"]
    assert len(read_paths([tmp_path]).documents) == 2


def test_atom_feed_items_are_fetched_relative_links_too(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        failure, items = f.fetch_feed(site.base + "/atom.xml")
    assert failure is None
    assert [(o.status, o.url.replace(site.base, "")) for o in items] == [
        ("fetched", "/siaran/rilis-jica.pdf"), ("fetched", "/news/minat-magang")]
    docs = {d.key: d for d in read_paths([tmp_path]).documents}
    assert "\u201cKami menambah" in docs["127.0.0.1/minat-magang.html"].text      # cp1252 from the header


def test_a_page_that_is_not_a_feed_is_reported(site, tmp_path, fast_policy):
    with Fetcher(tmp_path, policy=fast_policy) as f:
        failure, items = f.fetch_feed(site.base + "/logo.png")
    assert items == [] and failure.failed and failure.reason.startswith("feed: ")


def test_requests_to_one_host_are_paced(site, tmp_path):
    policy = HttpPolicy(per_host_interval=0.3, read_timeout=2, total_timeout=5)
    with Fetcher(tmp_path, policy=policy) as f:
        f.fetch_urls([site.base + p for p in ("/missing", "/missing2", "/missing3")])
    times = [h[0] for h in site.hits]
    assert all(b - a >= 0.28 for a, b in zip(times, times[1:])), times


def test_tls_failure_is_reported_as_such(site, tmp_path, fast_policy):
    """https:// to a server that speaks plain HTTP: the handshake fails."""
    url = site.base.replace("http://", "https://") + "/news/kemnaker-buka-lagi"
    with Fetcher(tmp_path, policy=fast_policy) as f:
        [o] = f.fetch_urls([url])
    assert o.failed and o.reason.startswith("TLS error"), o.reason
