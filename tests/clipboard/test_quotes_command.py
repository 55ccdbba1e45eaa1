"""`kemnaker-tui quotes`: table, JSON, fuzzy --speaker, --format citations, --copy."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from kemnaker_tui import clipboard, userdata
from kemnaker_tui.commands import quotes

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_quotes(hand_corpus, monkeypatch, tmp_path):
    monkeypatch.setattr(quotes, "load_corpus", lambda args, report=True: hand_corpus)
    # No real terminal, tool or display: the copy is observable and harmless.
    sent: list[str] = []
    monkeypatch.setattr(clipboard, "tty_writer", lambda: sent.append)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        monkeypatch.delenv(var, raising=False)

    def run(*argv: str) -> int:
        parser = argparse.ArgumentParser()
        quotes.add_arguments(parser)
        return quotes.run(parser.parse_args(list(argv)))
    run.sent = sent
    return run


def test_table(run_quotes, capsys):
    assert run_quotes() == 0
    out = capsys.readouterr().out
    assert "q1" in out and "Anwar Sanusi" in out and "004_seed.txt" in out
    assert "[dan]" in out                     # corpus text is not read as markup


@pytest.mark.parametrize("name,expected", [("Anwar Sanusi", ["q1"]), ("sekjen anwar", ["q1"]),
                                           ("kanasugi", ["q2"]), ("Yasierli", ["q3"])])
def test_speaker_is_fuzzy_over_aliases(run_quotes, capsys, name, expected):
    assert run_quotes("--speaker", name, "--json") == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == expected


def test_unknown_speaker_fails_clearly(run_quotes, capsys):
    assert run_quotes("--speaker", "Zzyzx Qwerty") == 1
    assert "no speaker matches 'Zzyzx Qwerty'" in capsys.readouterr().err


def test_json_rows(run_quotes, capsys):
    run_quotes("--json")
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["role"] == "Sekretaris Jenderal Kementerian Ketenagakerjaan"
    assert rows[0]["outlet"] == "jpnn.com" and rows[0]["date"] == "2023-11-29"
    assert rows[2]["date_kind"] == "event" and rows[2]["year_inferred"] is True


def test_format_prints_citations(run_quotes, capsys):
    assert run_quotes("--format", "csl", "--speaker", "Anwar") == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in items] == ["jpnn2023lewat-q1"]
    run_quotes("--format", "bibtex")
    assert capsys.readouterr().out.count("@article{") == 3


def test_copy_prints_citation_and_what_happened(run_quotes, capsys):
    assert run_quotes("--copy", "q1", "--format", "md", "--lang", "en") == 0
    out, err = capsys.readouterr()
    assert out.startswith("> Kami berharap") and "November 29, 2023" in out
    assert err.startswith("kemnaker-tui: Sent via OSC 52")
    assert len(run_quotes.sent) == 1
    assert "> Kami berharap" in userdata.clips_path().read_text(encoding="utf-8")


def test_copy_uses_the_settings_format(run_quotes, capsys):
    userdata.settings_path().parent.mkdir(parents=True)
    userdata.settings_path().write_text('[citation]\nformat = "bibtex"\n', encoding="utf-8")
    run_quotes("--copy", "q2")
    assert capsys.readouterr().out.startswith("@article{jpnn2023lewat-q2,")


def test_copy_unknown_id(run_quotes, capsys):
    assert run_quotes("--copy", "q99") == 1
    assert "no quote with id 'q99' (ids: q1, q2, q3)" in capsys.readouterr().err
