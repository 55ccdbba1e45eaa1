"""A command line that pastes cleanly (issue 14): ids and numbers never break
across lines, quotes show date and outlet, search --json carries a quote's
speaker and a figure's value, unit and claimant, CSV carries date, outlet,
role, sentence and claimant, and the filters users asked for."""
from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from kemnaker_tui.cli import build_parser
from kemnaker_tui.model import Figure, Meeting, Span


@pytest.fixture
def fig_corpus(hand_corpus):
    return corpus_with_figures(hand_corpus)


def corpus_with_figures(corpus):
    a1 = corpus.articles[0]
    i = a1.text.index("Sekretaris")
    sentence = Span(i, a1.text.index("\n", i))
    figures = (
        Figure("figure-with-a-long-identifier-0001", a1.key, 52440.0, "peserta magang", "52.440 peserta magang",
               i, i + 5, sentence, claimed_by="Anwar Sanusi", claimed_by_id="person:anwar-sanusi"),
        Figure("figure-with-a-long-identifier-0002", a1.key, 12.5, "persen", "12,5 persen", i, i + 5, sentence),
    )
    m2 = Meeting(id="meeting-with-a-long-identifier-0002", article=a1.key, kind="forum", date=None, date_text=None,
                 year_inferred=False, place="Tokyo", participants=("Anwar Sanusi",),
                 participant_ids=("person:anwar-sanusi",), organisations=("JCCI",), summary="", start=0, end=10)
    return dataclasses.replace(corpus, figures=figures, meetings=corpus.meetings + (m2,))


@pytest.fixture
def narrow(monkeypatch):
    """Every Rich table printed 80 columns wide, into a string."""
    from rich.console import Console
    out = io.StringIO()
    monkeypatch.setattr("kemnaker_tui.commands.tables.console",
                        lambda: Console(file=out, width=80, soft_wrap=False, highlight=False))
    return out


@pytest.fixture
def run(monkeypatch, fig_corpus):
    def runner(module, argv):
        return _run(monkeypatch, fig_corpus, module, argv)
    return runner


def _run(monkeypatch, corpus, module, argv):
    import importlib
    mod = importlib.import_module(f"kemnaker_tui.commands.{module}")
    monkeypatch.setattr(mod, "load_corpus", lambda args, *a, **k: corpus, raising=False)
    from types import SimpleNamespace
    monkeypatch.setattr(mod, "load_finished", lambda args, *a, **k: SimpleNamespace(corpus=corpus, meeting_links=[]),
                        raising=False)
    monkeypatch.setattr(mod, "load", lambda args, *a, **k: SimpleNamespace(corpus=corpus), raising=False)

    def index(loaded):
        from kemnaker_tui.search import SearchIndex
        return SearchIndex.build(loaded.corpus, freeze_gc=False)
    monkeypatch.setattr(mod, "search_index", index, raising=False)
    args = build_parser().parse_args([module, *argv])
    return mod.run(args)


def test_quotes_table_keeps_ids_whole_and_shows_date_and_outlet(run, narrow, capsys):
    assert run("quotes", []) == 0
    text = narrow.getvalue()
    for qid in ("q1", "q2", "q3"):
        assert qid in text
    assert "2023-11-29" in text and "jpnn.com" in text
    assert "2025-01-24°" in text           # an undated article: the event's date, marked


def test_figures_table_keeps_numbers_and_ids_whole(run, narrow):
    assert run("figures", []) == 0
    text = narrow.getvalue()
    assert "52,440" in text and "figure-with-a-long-identifier-0001" in text
    assert "Anwar Sanusi" in text


def test_timeline_table_keeps_ids_whole(run, narrow):
    assert run("timeline", []) == 0
    assert "meeting-with-a-long-identifier-0002" in narrow.getvalue()


def test_figure_filters(run, capsys):
    assert run("figures", ["--json", "--unit", "peserta"]) == 0
    assert [f["id"] for f in json.loads(capsys.readouterr().out)] == ["figure-with-a-long-identifier-0001"]
    assert run("figures", ["--json", "--min", "100"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert run("figures", ["--json", "--person", "anwar sanusy"]) == 0
    assert [f["claimed_by"] for f in json.loads(capsys.readouterr().out)] == ["Anwar Sanusi"]


def test_timeline_filters(run, capsys):
    assert run("timeline", ["--json", "--from", "2025", "--to", "2025-01"]) == 0
    assert [m["id"] for m in json.loads(capsys.readouterr().out)] == ["m1"]
    assert run("timeline", ["--json", "--person", "anwar"]) == 0
    assert [m["id"] for m in json.loads(capsys.readouterr().out)] == ["meeting-with-a-long-identifier-0002"]
    assert run("timeline", ["--json", "--person", "yassierli", "--to", "2024"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_quote_date_filters(run, capsys):
    assert run("quotes", ["--json", "--from", "2024"]) == 0
    assert [q["id"] for q in json.loads(capsys.readouterr().out)] == ["q3"]
    assert run("quotes", ["--json", "--to", "2023-12"]) == 0
    assert [q["id"] for q in json.loads(capsys.readouterr().out)] == ["q1", "q2"]


def test_search_json_gives_speaker_value_unit_claimant(run, capsys):
    assert run("search", ["Sekretaris", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    fig = out["figures"][0]
    assert (fig["value"], fig["unit"], fig["claimed_by"]) == (52440, "peserta magang", "Anwar Sanusi")
    assert run("search", ["berharap", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {q["speaker"] for q in out["quotes"]} == {"Anwar Sanusi", "Kanasugi Kenji"}


def test_csv_export_adds_date_outlet_role_sentence_claimant(tmp_path, fig_corpus):
    from kemnaker_tui.export import write_csv
    write_csv(fig_corpus, tmp_path)
    quotes = list(csv.DictReader(open(tmp_path / "quotes.csv", encoding="utf-8")))
    q1 = next(q for q in quotes if q["id"] == "q1")
    assert (q1["date"], q1["outlet"]) == ("2023-11-29", "jpnn.com")
    assert q1["role"].startswith("Sekretaris Jenderal")
    q3 = next(q for q in quotes if q["id"] == "q3")
    assert q3["date"] == "2025-01-24"            # undated article: the event's date, as its citation
    figures = list(csv.DictReader(open(tmp_path / "figures.csv", encoding="utf-8")))
    assert figures[0]["claimed_by"] == "Anwar Sanusi"
    assert figures[0]["sentence_text"].startswith("Sekretaris Jenderal")
    assert figures[0]["outlet"] == "jpnn.com"
