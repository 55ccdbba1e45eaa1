"""The command line: export (json, csv), listing commands, errors and exit codes."""
import csv
import json
import subprocess
import sys

from kemnaker_tui.cli import main

ARTICLE = ("jpnn.com, JAKARTA - Sekjen Kemnaker Anwar Sanusi bertemu Presiden JICA Akihiko Tanaka pada "
           "Senin (22/4/2024). “Kami memperluas pelatihan bagi 1.200 peserta,” kata Anwar.\n")


def test_export_json_contract(write_corpus, capsys):
    root = write_corpus({"a.txt": ARTICLE})
    assert main(["export", str(root), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"articles", "entities", "meetings", "quotes", "figures"}
    assert data["articles"][0]["file"] == "a.txt" and data["articles"][0]["outlet"] == "jpnn.com"
    person = next(e for e in data["entities"] if e["name"] == "Anwar Sanusi")
    assert person["id"] == "person:anwar-sanusi" and person["type"] == "person"
    assert data["meetings"][0]["date"] == "2024-04-22"
    assert data["quotes"][0]["speaker"] == "Anwar Sanusi"
    assert data["figures"][0]["value"] == 1200
    for kind in ("entities", "meetings", "quotes", "figures"):
        assert all(item["id"] for item in data[kind])


def test_export_csv(write_corpus, tmp_path):
    root = write_corpus({"a.txt": ARTICLE})
    out = tmp_path / "csv"
    assert main(["export", str(root), "--format", "csv", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["articles.csv", "entities.csv", "meetings.csv", "quotes.csv", "figures.csv", "mentions.csv"])
    rows = list(csv.DictReader(open(out / "quotes.csv", encoding="utf-8")))
    assert rows[0]["speaker"] == "Anwar Sanusi"


def test_listing_commands_json(write_corpus, capsys):
    root = write_corpus({"a.txt": ARTICLE})
    for command in ("entities", "timeline", "figures"):
        assert main([command, str(root), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)


def test_tables_print(write_corpus):
    root = write_corpus({"a.txt": ARTICLE})
    for command in ("entities", "timeline", "figures"):
        out = subprocess.run([sys.executable, "-m", "kemnaker_tui", command, str(root)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert "Anwar" in out.stdout or "1,200" in out.stdout


def test_errors_and_exit_codes(write_corpus, capsys):
    assert main(["export", "/no/such/place"]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    only_bad = write_corpus({"x.bin.txt": bytes(range(256)) * 4}, folder="bad")
    assert main(["export", str(only_bad)]) == 4
    err = capsys.readouterr().err
    assert "skipped" in err and "nothing readable" in err
    mixed = write_corpus({"a.txt": ARTICLE, "b.txt": b"\x00\x01\x02" * 100}, folder="mixed")
    assert main(["export", str(mixed)]) == 3
    assert "b.txt: binary data" in capsys.readouterr().err


def test_bundled_corpus_is_the_default(capsys):
    assert main(["export"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 5


def test_figures_table_and_csv_show_the_claimant(write_corpus, tmp_path):
    root = write_corpus({"a.txt": ARTICLE})
    out = subprocess.run([sys.executable, "-m", "kemnaker_tui", "figures", str(root)],
                         capture_output=True, text=True, env={**__import__("os").environ, "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    assert "claimed by" in out.stdout and "Anwar Sanusi" in out.stdout
    csv_dir = tmp_path / "csv"
    assert main(["export", str(root), "--format", "csv", "-o", str(csv_dir)]) == 0
    rows = list(csv.DictReader(open(csv_dir / "figures.csv", encoding="utf-8")))
    assert rows[0]["claimed_by"] == "Anwar Sanusi"
