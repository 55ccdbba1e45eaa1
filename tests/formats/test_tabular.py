"""CSV and JSON exports of news-monitoring tools: columns found by their usual
names; a file without a text column reported with the columns it has."""
import json

from kemnaker_tui.analysis.pipeline import analyse_paths
from kemnaker_tui.corpus.reader import read_paths

BODY = ("Jakarta - Kementerian Ketenagakerjaan menggelar bursa kerja khusus Jepang di Bekasi pada Sabtu. "
        "Sebanyak 40 perusahaan membuka lowongan untuk lulusan pelatihan bahasa.")


def test_monitoring_csv_with_its_own_column_names(tmp_path):
    rows = [["headline", "media_name", "publish_date", "link", "content", "sentiment"],
            ["Bursa kerja khusus Jepang digelar di Bekasi", "Warta Kita", "2025-03-08 10:00", "https://w.example/a", BODY, "positive"],
            ["Baris kosong", "Warta Kita", "2025-03-09", "https://w.example/b", "  ", "neutral"]]
    import csv
    with open(tmp_path / "export.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    result = read_paths([tmp_path])
    [doc] = result.documents
    assert (doc.key, doc.title, doc.outlet, doc.published, doc.url) == (
        "export.csv#2", "Bursa kerja khusus Jepang digelar di Bekasi", "Warta Kita", "2025-03-08 10:00", "https://w.example/a")
    assert doc.text == BODY
    assert [s.reason for s in result.skipped] == ['row 3: empty "content" cell']
    corpus = analyse_paths([tmp_path / "export.csv"])
    assert corpus.articles[0].published.isoformat() == "2025-03-08"


def test_semicolon_csv_with_a_multiline_cell(tmp_path):
    text = 'judul;isi;tanggal\n"Satu";"' + BODY.replace(". ", ".\n") + '";08/03/2025\n'
    (tmp_path / "a.csv").write_text(text, encoding="utf-8")
    [doc] = read_paths([tmp_path]).documents
    assert doc.title == "Satu" and "\n" in doc.text


def test_csv_without_a_text_column_names_the_columns_it_found(tmp_path):
    (tmp_path / "links.csv").write_text("title,url,date\nA,https://x.example,2025-01-01\n", encoding="utf-8")
    result = read_paths([tmp_path])
    assert not result.documents
    reason = result.skipped[0].reason
    assert reason.startswith("no text column") and "columns found: title, url, date" in reason


def test_json_array_of_articles(tmp_path):
    items = [{"title": "Bursa kerja", "body": BODY, "source": {"name": "Warta Kita"}, "authors": ["Ani", "Budi"],
              "url": "https://w.example/a", "published_at": "2025-03-08T03:00:00Z"},
             {"title": "tanpa teks"}, "not an object"]
    (tmp_path / "news.json").write_text(json.dumps(items), encoding="utf-8")
    result = read_paths([tmp_path])
    [doc] = result.documents
    assert (doc.outlet, doc.author, doc.url) == ("Warta Kita", "Ani, Budi", "https://w.example/a")
    assert sorted(s.reason for s in result.skipped) == ["item 2: no text field", "item 3: not an object"]


def test_json_wrapper_object_and_json_without_text(tmp_path):
    (tmp_path / "wrapped.json").write_text(json.dumps({"total": 1, "articles": [{"content": BODY}]}), encoding="utf-8")
    (tmp_path / "no_text.json").write_text(json.dumps([{"title": "a", "link": "b"}]), encoding="utf-8")
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "dark"}), encoding="utf-8")
    result = read_paths([tmp_path])
    assert [d.key for d in result.documents] == ["wrapped.json#1"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert "fields found: link, title" in reasons["no_text.json"]
    assert "not an array of articles" in reasons["settings.json"]


def test_jsonl_accepts_monitoring_names_too(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"content": BODY, "media_name": "Warta Kita"}) + "\n", encoding="utf-8")
    [doc] = read_paths([tmp_path]).documents
    assert doc.outlet == "Warta Kita"
