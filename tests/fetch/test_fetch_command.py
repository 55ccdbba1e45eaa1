"""`kemnaker-tui fetch`: lines or JSON per URL, exit 3 when any failed, the
default folder shown by `kemnaker-tui paths`."""
import json

from kemnaker_tui.cli import main


def test_fetch_json_and_exit_codes(site, tmp_path, capsys):
    ok = site.base + "/news/kemnaker-buka-lagi"
    code = main(["fetch", ok, "--into", str(tmp_path), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["status"] == "fetched" and record["path"].endswith("kemnaker-buka-lagi.html")
    code = main(["fetch", ok, site.base + "/missing", "--into", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 3
    assert f"already fetched {ok} -> " in captured.out
    assert f"failed {site.base}/missing: HTTP 404 Not Found" in captured.err
    assert "0 fetched, 1 already there, 1 failed" in captured.err


def test_fetch_feed_command(site, tmp_path, capsys):
    code = main(["fetch", "--feed", site.base + "/rss.xml", "--into", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0 and out.count("fetched ") == 2


def test_fetch_default_folder_is_in_paths(site, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEMNAKER_TUI_HOME", str(tmp_path / "home"))
    assert main(["fetch", site.base + "/news/kemnaker-buka-lagi"]) == 0
    capsys.readouterr()
    main(["paths", "--json"])
    paths = json.loads(capsys.readouterr().out)
    articles = paths["articles"]["path"]
    assert articles == str(tmp_path / "home" / "data" / "articles") and paths["articles"]["exists"]
    assert main(["export", articles, "--format", "json"]) == 0
    export = json.loads(capsys.readouterr().out)
    [article] = export["articles"]
    assert article["url"] == site.base + "/news/kemnaker-buka-lagi" and article["fetched_at"]
    assert "Rahmat Santoso" in article["text"]


def test_fetch_without_urls_is_a_usage_error(capsys):
    assert main(["fetch"]) == 2


def test_a_fetched_article_is_cited_with_its_url_and_access_date(site, tmp_path):
    from kemnaker_tui import cite
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.fetch import Fetcher
    url = site.base + "/news/kemnaker-buka-lagi"
    with Fetcher(tmp_path) as f:
        f.fetch_urls([url])
    corpus = analyse_paths([tmp_path])
    [article] = corpus.articles
    plain = cite.cite_article(corpus, article.key, "plain", "en")
    assert url in plain and "(accessed " in plain and "detikNews" in plain
    csl = json.loads(cite.cite_article(corpus, article.key, "csl"))
    item = csl[0] if isinstance(csl, list) else csl
    assert item["URL"] == url and item["accessed"]["date-parts"][0][0] >= 2025
    c = cite.article_citation(corpus, article.key)
    assert cite.Citation.from_dict(json.loads(json.dumps(c.to_dict()))) == c
