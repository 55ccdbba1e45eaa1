"""`kemnaker-tui correct …` for every kind, `--corrections FILE` on every
command, `--why`, `correct list` with orphans, `correct undo`."""
from __future__ import annotations

import json

import pytest


@pytest.fixture
def cf(tmp_path):
    return tmp_path / "shared" / "corrections.toml"


def ids(cli, folder, what, cf):
    code, out, _ = cli(what, folder, "--json", "--corrections", cf)
    assert code == 0
    return json.loads(out)


def test_every_kind_through_the_cli(cli, folder, cf):
    def run(*args):      # PATH... right after the positionals, options after (argparse wants them so)
        pos = [a for a in args if not str(a).startswith("--")]
        first_opt = next((i for i, a in enumerate(args) if str(a).startswith("--")), len(args))
        pos, opts = list(args[:first_opt]), list(args[first_opt:])
        return cli("correct", *pos, folder, *opts, "--corrections", cf)
    quotes = ids(cli, folder, "quotes", cf)
    takemi_quote = [q for q in quotes if "membuka" in q["text"]][0]["id"]
    assert run("speaker", takemi_quote, "Ida Fauziyah")[0] == 0
    assert run("rename", "Anwar Sanusi", "Anwar Sanusi, M.Si.")[0] == 0
    assert run("retype", "Pemerintah Jepang", "place")[0] == 0
    assert run("split", "Ida Fauziyah", "--form", "Ida", "--name", "Ida Lain")[0] == 0
    meetings = ids(cli, folder, "timeline", cf)
    m1, m2 = [m["id"] for m in meetings if m["article"] == "a1.txt"][0], [
        m["id"] for m in meetings if m["article"] == "a2.txt"][0]
    assert run("meeting", m2, "--date", "2023-06-20", "--place", "Bogor",
               "--participants", "Ida Fauziyah; Keizo Takemi; Seorang Tamu")[0] == 0
    assert run("meeting", m1, "--same-as", m2)[0] == 0
    figures = ids(cli, folder, "figures", cf)
    f1 = figures[0]["id"]
    assert run("figure", f1, "--value", "6000", "--unit", "peserta", "--claimant", "Anwar Sanusi")[0] == 0
    assert run("article", "a2.txt", "--title", "Judul Baru", "--published", "2023-06-14")[0] == 0
    mitra = [q for q in quotes if "mitra" in q["text"]][0]["id"]
    assert run("drop", mitra)[0] == 0
    assert run("merge", "Takemi", "JICA")[0] == 0

    quotes = ids(cli, folder, "quotes", cf)
    assert [q["speaker"] for q in quotes if q["id"] == takemi_quote] == ["Ida Fauziyah"]
    assert not [q for q in quotes if q["id"] == mitra]
    entities = {e["name"]: e for e in ids(cli, folder, "entities", cf)}
    assert "Anwar Sanusi, M.Si." in entities and entities["Pemerintah Jepang"]["type"] == "place"
    assert "Ida Lain" in entities and "Keizo Takemi" not in entities
    assert "Keizo Takemi" in entities["Japan International Cooperation Agency"]["aliases"]
    meetings = {m["id"]: m for m in ids(cli, folder, "timeline", cf)}
    assert meetings[m2]["date"] == "2023-06-20" and meetings[m2]["place"] == "Bogor"
    assert "Seorang Tamu" in meetings[m2]["participants"]
    assert meetings[m1]["same_event_as"] == [m2]
    fig = [f for f in ids(cli, folder, "figures", cf) if f["id"] == f1][0]
    assert (fig["value"], fig["unit"]) == (6000, "peserta")
    code, out, _ = cli("correct", "list", folder, "--corrections", cf)
    assert out.count("✎") == 10 and "!" not in out.split("\n", 1)[1]
    code, out, _ = cli("timeline", folder, "--corrections", cf)
    assert "2 sources" in out


def test_a_name_several_entities_answer_to_is_an_error_listing_them(cli, folder, cf):
    cli("correct", "split", "Anwar Sanusi", folder, "--form", "Anwar", "--name", "Anwar Lain", "--corrections", cf)
    code, _out, err = cli("correct", "merge", "Anwar", "Ida Fauziyah", folder, "--corrections", cf)
    assert code == 1 and "answer to 'Anwar'" in err and "person:anwar-sanusi" in err and "Anwar Lain" in err
    code, _out, err = cli("correct", "merge", "Nobody Here", "Ida Fauziyah", folder, "--corrections", cf)
    assert code == 1 and "no entity is named 'Nobody Here'" in err


def test_list_shows_orphans_with_reasons_and_undo_takes_back(cli, folder, write_corpus, texts, cf):
    quotes = ids(cli, folder, "quotes", cf)
    target = [q for q in quotes if "membuka" in q["text"]][0]["id"]
    cli("correct", "drop", target, folder, "--corrections", cf)
    cli("correct", "rename", "Keizo Takemi", "Takemi K.", folder, "--corrections", cf)
    changed = write_corpus(dict(texts, **{"a1.txt": texts["a1.txt"].replace(
        "Kami akan membuka lebih banyak kesempatan bagi pekerja Indonesia", "Kami akan melihat")}), folder="changed")
    code, out, err = cli("correct", "list", changed, "--corrections", cf)
    assert "! " in out and "not applied: no quote in a1.txt" in out
    code, out, err = cli("quotes", changed, "--corrections", cf)
    assert "correction #1 (drop) not applied" in err
    code, out, _ = cli("correct", "undo", "--corrections", cf)
    assert code == 0 and "undone #2 rename" in out
    code, out, _ = cli("entities", folder, "--corrections", cf)
    assert "Keizo Takemi" in out and "Takemi K." not in out
    code, out, _ = cli("correct", "list", folder, "--corrections", cf, "--json")
    assert [r["status"] for r in json.loads(out)["corrections"]] == ["applied", "undone"]


def test_why_shows_evidence_and_corrections(cli, folder, cf, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")          # one row per line
    quotes = ids(cli, folder, "quotes", cf)
    target = [q for q in quotes if "membuka" in q["text"]][0]["id"]
    cli("correct", "speaker", target, "Ida Fauziyah", folder, "--corrections", cf)
    for command in ("quotes", "entities", "timeline", "figures"):
        code, out, _ = cli(command, folder, "--why", "--corrections", cf)
        assert code == 0 and "why" in out
    code, out, _ = cli("quotes", folder, "--why", "--corrections", cf)
    row = [line for line in out.splitlines() if target in line][0]
    assert "Ida Fauziyah" in row and "✎ corrected: #1 speaker" in row


def test_default_file_lives_in_the_config_folder_and_paths_shows_it(cli, folder):
    from kemnaker_tui.userdata import corrections_path
    cli("correct", "rename", "Keizo Takemi", "Takemi K.", folder)
    assert corrections_path().exists()
    code, out, _ = cli("paths")
    assert str(corrections_path()) in out and "corrections" in out
    code, out, _ = cli("entities", folder)
    assert "Takemi K." in out


def test_a_corrupt_named_file_is_a_clear_error(cli, folder, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[correction]\n", encoding="utf-8")
    code, _out, err = cli("entities", folder, "--corrections", bad)
    assert code == 1 and "not valid TOML" in err and bad.exists()
    code, _out, err = cli("correct", "undo", "--corrections", bad)
    assert code == 1 and "not valid TOML" in err


def test_bad_arguments_are_clear(cli, folder, cf):
    with pytest.raises(SystemExit) as exc:
        cli("correct", "meeting", "m-x", folder, "--date", "12 Juni")
    assert exc.value.code == 2
    code, _out, err = cli("correct", "meeting", "m-nope", folder, "--date", "2023-06-12", "--corrections", cf)
    assert code == 1 and "no meeting with id 'm-nope'" in err
    code, _out, err = cli("correct", "speaker", "q-nope", "Ida Fauziyah", folder, "--corrections", cf)
    assert code == 1 and "no quote with id 'q-nope'" in err
    code, _out, err = cli("correct", "drop", "zz-nope", folder, "--corrections", cf)
    assert code == 1 and "no entity, quote, meeting or figure" in err
    code, _out, err = cli("correct", "drop", "a1.txt", folder, "--corrections", cf)
    assert code == 1 and "cannot be dropped" in err
    assert not cf.exists()                      # nothing written by a refused correction
