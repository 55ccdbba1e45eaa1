"""The reader is chosen by content as well as by name; a fetched page's sidecar
is read with its page, never as an article export."""
import json

from kemnaker_tui.corpus.formats import sniff
from kemnaker_tui.corpus.reader import read_paths
from outlet_pages import antara_style


def test_sniff():
    assert sniff(b"%PDF-1.7\n...") == ".pdf"
    assert sniff(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == ".html"
    assert sniff(b"<!-- saved from url=(0042)https://x -->\n<html lang=id>") == ".html"
    assert sniff(b"Jakarta - Menteri ...") is None
    assert sniff(b"# <html> in markdown") is None


def test_page_saved_without_suffix_or_as_php_or_txt(tmp_path):
    data = antara_style().data
    (tmp_path / "berita").write_bytes(data)
    (tmp_path / "read.php").write_bytes(data)
    (tmp_path / "page.txt").write_bytes(data)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = read_paths([tmp_path])
    assert sorted(d.key for d in result.documents) == ["berita", "page.txt", "read.php"]
    assert all("Pewarta" not in d.text.split("\n")[0] for d in result.documents)
    assert [w.split(": ", 1)[1] for w in result.warnings] == ["named .txt but holds HTML; read as HTML"]
    assert [s.reason for s in result.skipped] == ["not a supported format (.png)"]


def test_sidecar_json_goes_with_its_page(tmp_path):
    (tmp_path / "berita.html").write_bytes(antara_style().data)
    (tmp_path / "berita.json").write_text(json.dumps({
        "url": "https://short.example/x", "final_url": "https://www.example-antara.com/berita/4400/x",
        "fetched_at": "2025-11-30T08:00:00+00:00", "status": 200, "content_type": "text/html; charset=utf-8"}))
    result = read_paths([tmp_path])
    assert result.files_seen == 1 and not result.skipped
    [doc] = result.documents
    assert doc.url == "https://www.example-antara.com/berita/4400/x"
    assert doc.fetched_at == "2025-11-30T08:00:00+00:00"


def test_http_charset_in_sidecar_wins_over_a_wrong_meta(tmp_path):
    page = antara_style().data.replace(b'<meta charset="UTF-8">', b'<meta charset="iso-8859-2">')
    page = page.replace(b"terus meningkat.", "terus meningkat di caf\u00e9.".encode("utf-8"), 1)
    (tmp_path / "p.html").write_bytes(page)
    (tmp_path / "p.json").write_text(json.dumps({"url": "https://x.example/p", "fetched_at": "2025-11-30T08:00:00+00:00",
                                                  "content_type": "text/html; charset=UTF-8"}))
    [doc] = read_paths([tmp_path]).documents
    assert "caf\u00e9" in doc.text and doc.encoding == "utf-8"


def test_page_that_says_utf8_but_is_cp1252_loads_with_a_warning(tmp_path):
    from outlet_pages import jpnn_style
    page = jpnn_style().data.replace(b"charset=windows-1252", b"charset=utf-8")
    (tmp_path / "p.html").write_bytes(page)
    result = read_paths([tmp_path])
    [doc] = result.documents
    assert "\u201cKami menambah" in doc.text and doc.encoding == "cp1252"
    assert [w.split(": ", 1)[1] for w in result.warnings] == ["declared UTF-8 (<meta>) but is not; read as cp1252"]


def test_a_json_export_beside_a_page_of_the_same_name_is_still_read(tmp_path):
    (tmp_path / "laporan.html").write_bytes(antara_style().data)
    (tmp_path / "laporan.json").write_text(json.dumps([{"url": "https://x.example/a", "text": "Jakarta - Menteri "
                                                        "bertemu delegasi Jepang di kantornya pada Senin pagi."}]))
    result = read_paths([tmp_path])
    assert sorted(d.key for d in result.documents) == ["laporan.html", "laporan.json#1"]
