"""Saved pages in seven outlets' templates: body sentences in, chrome out,
title/outlet/date/author/URL right; in-body boilerplate kept but marked."""
import pytest

from kemnaker_tui.analysis.pipeline import analyse_paths
from kemnaker_tui.corpus.article import build_article
from kemnaker_tui.corpus.reader import read_paths
from outlet_pages import ALL_PAGES, home_page


@pytest.fixture(scope="module")
def pages():
    return [make() for make in ALL_PAGES]


@pytest.mark.parametrize("make", ALL_PAGES, ids=lambda f: f.__name__)
def test_page_body_in_chrome_out_metadata_right(tmp_path, make):
    page = make()
    (tmp_path / page.name).write_bytes(page.data)
    result = read_paths([tmp_path])
    assert not result.skipped, result.skipped
    [doc] = result.documents
    article = build_article(doc)
    for sentence in page.body:
        assert sentence in article.text, sentence
        start = article.text.index(sentence)
        assert not article.is_boilerplate(start, start + len(sentence)), sentence
        assert any(s.start <= start < s.end for s in article.sentences), sentence
    for chrome in page.chrome:
        assert chrome not in article.text, chrome
    for line in page.marked:
        start = article.text.index(line)
        assert article.is_boilerplate(start, start + len(line)), line
    assert article.title == page.title
    assert article.outlet == page.outlet
    assert (article.published.isoformat() if article.published else None) == page.published
    assert article.author == page.author
    assert article.url == page.url
    # the headline heads the text once and is not read as a body sentence
    assert article.text.count(page.title) == 1 and article.title_span is not None


def test_windows_1252_page_reads_its_curly_quotes(tmp_path):
    from outlet_pages import jpnn_style
    page = jpnn_style()
    assert b"\x93" in page.data                 # the bytes really are cp1252
    (tmp_path / page.name).write_bytes(page.data)
    [doc] = read_paths([tmp_path]).documents
    assert doc.encoding == "cp1252" and "\u201cKami menambah" in doc.text


def test_quotes_and_people_found_in_a_page(tmp_path):
    from outlet_pages import detik_style
    page = detik_style()
    (tmp_path / page.name).write_bytes(page.data)
    corpus = analyse_paths([tmp_path])
    assert any("calo" in q.text and q.speaker and "Rahmat" in q.speaker for q in corpus.quotes)
    assert any(f.value == 4200 for f in corpus.figures)


def test_home_page_is_reported_not_loaded(tmp_path):
    (tmp_path / "index.html").write_bytes(home_page())
    result = read_paths([tmp_path])
    assert not result.documents
    [skipped] = result.skipped
    assert "home or index page" in skipped.reason


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", "no article text"),
    (b"<html><body><nav><a href=/>Beranda</a></nav><p>Halaman tidak ditemukan.</p></body></html>", "no article text"),
    (b"\x00\x01\x02<html>" * 100, ""),
])
def test_pages_without_an_article_are_reported(tmp_path, data, reason):
    (tmp_path / "p.html").write_bytes(data)
    result = read_paths([tmp_path])
    assert not result.documents
    assert reason in result.skipped[0].reason


def test_malformed_html_is_extracted_not_a_traceback(tmp_path):
    body = ("Menteri Ketenagakerjaan meninjau balai latihan kerja di Serang pada Selasa siang bersama pejabat daerah. "
            "Dia meminta balai menambah kelas bahasa Jepang untuk calon pemagang yang mendaftar tahun ini. ")
    broken = (f"<html><head><title>Menaker tinjau balai latihan kerja di Serang</title><body><div><p>{body}"
              f"<p>{body.upper()}<div><span><b>tidak ditutup <i>sama sekali <table><tr><td>sel</p></div>").encode()
    (tmp_path / "broken.html").write_bytes(broken)
    result = read_paths([tmp_path])
    assert not result.skipped, result.skipped
    assert body.strip() in result.documents[0].text


def test_giant_page_is_refused_by_size(tmp_path, monkeypatch):
    from kemnaker_tui.corpus import reader
    monkeypatch.setitem(reader.SIZE_LIMITS, ".html", 1_000_000)
    (tmp_path / "bomb.html").write_bytes(b"<html><body>" + b"<div>x</div>" * 200_000 + b"</body></html>")
    result = read_paths([tmp_path])
    assert not result.documents and "too large" in result.skipped[0].reason


def test_fifty_megabyte_page_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.html"
    with open(big, "wb") as fh:
        fh.write(b"<html><body>")
        fh.truncate(50 * 1024 * 1024)      # sparse: costs no disk
    result = read_paths([tmp_path])
    assert not result.documents
    assert result.skipped[0].reason.startswith("too large (50 MB")


def test_deeply_nested_page_is_reported_not_a_crash(tmp_path):
    (tmp_path / "deep.html").write_bytes(b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000)
    result = read_paths([tmp_path])
    assert not result.documents and result.skipped


@pytest.mark.parametrize("stamp, lang, day", [
    ("2025-03-02T23:30:00Z", "id", "2025-03-03"),          # 06:30 WIB on the 3rd
    ("2025-03-02T23:30:00+00:00", "en", "2025-03-02"),     # an English page: no zone to assume
    ("2025-03-02T16:30:00Z", "ja", "2025-03-03"),          # 01:30 JST
    ("2025-03-02T23:30:00+07:00", "id", "2025-03-02"),     # a local offset is the outlet's own day
    ("2025-03-02", "id", "2025-03-02"),
])
def test_utc_timestamps_are_read_on_the_outlets_clock(tmp_path, stamp, lang, day):
    from outlet_pages import antara_style
    page = antara_style().data.replace(b"2024-11-19T16:45:00+07:00", stamp.encode())
    page = page.replace(b'<html lang="id">', f'<html lang="{lang}">'.encode())
    (tmp_path / "p.html").write_bytes(page)
    [doc] = read_paths([tmp_path]).documents
    assert build_article(doc).published.isoformat() == day
