"""The engine: every kind of correction, anchored so it survives re-analysis,
an edited article and new articles; orphans listed with reasons; undo."""
from __future__ import annotations

import datetime as dt

import pytest

from kemnaker_tui.corrections import store
from kemnaker_tui.corrections.build import fact_anchor, find_entity


@pytest.fixture
def cfile(tmp_path):
    return tmp_path / "team" / "corrections.toml"


def add(cfile, kind, target, **values):
    return store.add(cfile, kind, target, values, by="test")


def test_no_corrections_leave_the_corpus_as_it_is(load):
    finished = load()
    assert finished.corpus is finished.base and not finished.orphans and not finished.marks


def test_merge_keeps_every_alias_and_mention_of_both(load, cfile, entity):
    base = load().corpus
    ida, takemi = entity(base, "Ida Fauziyah"), entity(base, "Keizo Takemi")
    add(cfile, "merge", fact_anchor(base, takemi), into=fact_anchor(base, ida))
    out = load(cfile).corpus
    merged = entity(out, "Ida Fauziyah")
    assert not [e for e in out.entities if e.name == "Keizo Takemi"]
    assert len(merged.mentions) == len(ida.mentions) + len(takemi.mentions)
    assert {"Keizo Takemi", "Takemi", *ida.aliases} <= set(merged.aliases)
    assert all(q.speaker_id == merged.id for q in out.quotes if q.speaker)     # Takemi's quote followed
    assert merged.why.startswith("✎ corrected: #1 merge Keizo Takemi into Ida Fauziyah")


def test_split_moves_exactly_the_mentions_named(load, cfile, entity):
    base = load().corpus
    ida = entity(base, "Ida Fauziyah")
    one = [m for m in ida.mentions if m.text == "Ida"][0]
    from kemnaker_tui.corrections.build import split_values
    add(cfile, "split", fact_anchor(base, ida), **split_values(ida, "Ida Lain", "person", [], [(one.article, one.start)]))
    out = load(cfile).corpus
    other = entity(out, "Ida Lain")
    assert [(m.article, m.start) for m in other.mentions] == [(one.article, one.start)]
    assert len(entity(out, "Ida Fauziyah").mentions) == len(ida.mentions) - 1


def test_rename_retype_and_drop(load, cfile, entity):
    base = load().corpus
    add(cfile, "rename", fact_anchor(base, entity(base, "Keizo Takemi")), name="Takemi Keizo")
    add(cfile, "retype", fact_anchor(base, entity(base, "Pemerintah Jepang")), type="place")
    add(cfile, "drop", fact_anchor(base, entity(base, "Anwar Sanusi")))
    out = load(cfile).corpus
    renamed = entity(out, "Takemi Keizo")
    assert "Keizo Takemi" in renamed.aliases
    assert [q.speaker for q in out.quotes if "membuka" in q.text] == ["Takemi Keizo"]     # speakers follow
    assert entity(out, "Pemerintah Jepang").type == "place"
    assert not [e for e in out.entities if e.name == "Anwar Sanusi"]


def test_speaker_and_not_a_quote(load, cfile, entity, quote):
    base = load().corpus
    q = quote(base, "membuka lebih banyak")
    add(cfile, "speaker", fact_anchor(base, q), person=fact_anchor(base, entity(base, "Ida Fauziyah")))
    add(cfile, "drop", fact_anchor(base, quote(base, "mitra")))
    out = load(cfile).corpus
    assert quote(out, "membuka lebih banyak").speaker == "Ida Fauziyah"
    assert "✎" in quote(out, "membuka lebih banyak").why
    assert not [x for x in out.quotes if "mitra" in x.text]
    assert quote(out, "terlindungi").speaker == "Ida Fauziyah"          # the others keep their speakers


def test_meeting_date_place_participants_and_not_a_meeting(load, cfile, entity):
    base = load().corpus
    m = [x for x in base.meetings if x.article == "a1.txt"][0]
    add(cfile, "meeting", fact_anchor(base, m), date="2023-06-13", place="Bogor",
        participants=[fact_anchor(base, entity(base, "Anwar Sanusi"))])
    out = load(cfile).corpus
    fixed = [x for x in out.meetings if x.id == m.id][0]
    assert (fixed.date, fixed.place, fixed.participants) == (dt.date(2023, 6, 13), "Bogor", ("Anwar Sanusi",))
    assert not fixed.year_inferred
    other = [x for x in base.meetings if x.article == "a2.txt"][0]
    add(cfile, "drop", fact_anchor(base, other))
    assert other.id not in {x.id for x in load(cfile).corpus.meetings}


def test_meeting_merge_links_two_tellings(load, cfile):
    from kemnaker_tui.analysis.crossref import group_meetings
    base = load().corpus
    a, b = [x for x in base.meetings if x.article == "a1.txt"][0], [x for x in base.meetings if x.article == "a2.txt"][0]
    add(cfile, "meeting", fact_anchor(base, b), date="2023-06-20")      # now the rules keep them apart
    finished = load(cfile)
    assert len(group_meetings(finished.corpus.meetings, finished.meeting_links)) == 2
    add(cfile, "meeting-merge", fact_anchor(base, a), into=fact_anchor(base, b))
    finished = load(cfile)
    groups = group_meetings(finished.corpus.meetings, finished.meeting_links)
    assert len(groups) == 1 and groups[0].sources == 2


def test_figure_and_article(load, cfile, entity):
    base = load().corpus
    f = [x for x in base.figures if x.article == "a1.txt"][0]
    add(cfile, "figure", fact_anchor(base, f), value=6000.0, unit="peserta",
        claimant=fact_anchor(base, entity(base, "Ida Fauziyah")))
    add(cfile, "article", fact_anchor(base, base.article("a2.txt")), title="Judul yang benar", outlet="Harian X",
        published="2023-06-14")
    out = load(cfile).corpus
    fixed = [x for x in out.figures if x.id == f.id][0]
    assert (fixed.value, fixed.unit, fixed.claimed_by) == (6000.0, "peserta", "Ida Fauziyah")
    art = out.article("a2.txt")
    assert (art.title, art.outlet, art.published) == ("Judul yang benar", "Harian X", dt.date(2023, 6, 14))
    g = [x for x in base.figures if x.article == "a1.txt"][0]
    add(cfile, "drop", fact_anchor(base, g))
    assert g.id not in {x.id for x in load(cfile).corpus.figures}


def test_corrections_survive_an_edited_article_and_new_articles(write_corpus, texts, b1, load, cfile, entity, quote):
    base = load().corpus
    q = quote(base, "membuka lebih banyak")
    add(cfile, "speaker", fact_anchor(base, q), person=fact_anchor(base, entity(base, "Ida Fauziyah")))
    add(cfile, "rename", fact_anchor(base, entity(base, "Keizo Takemi")), name="Takemi Keizo")
    # the article edited before the quote (every offset moves, so the quote's id changes) and a new article
    edited = dict(texts, **{"a1.txt": texts["a1.txt"].replace("Jakarta - ", "JAKARTA, KOMPAS - "),
                            "b1.txt": b1})
    folder = write_corpus(edited, folder="edited")
    finished = load(cfile, path=folder)
    moved = quote(finished.corpus, "membuka lebih banyak")
    assert moved.id != q.id and moved.speaker == "Ida Fauziyah"
    assert entity(finished.corpus, "Takemi Keizo")
    assert not finished.orphans


def test_a_correction_whose_target_is_gone_is_listed_with_a_reason(write_corpus, texts, load, cfile, entity, quote):
    base = load().corpus
    add(cfile, "drop", fact_anchor(base, quote(base, "membuka lebih banyak")))
    add(cfile, "rename", fact_anchor(base, entity(base, "Anwar Sanusi")), name="Dr. Anwar Sanusi")
    gone = dict(texts, **{"a1.txt": texts["a1.txt"].replace("Kami akan membuka lebih banyak kesempatan bagi "
                                                           "pekerja Indonesia", "Kerja sama dilanjutkan")})
    gone["a2.txt"] = gone["a2.txt"].replace("Sekjen Kemnaker Anwar Sanusi turut hadir. ", "")
    gone["a2.txt"] = gone["a2.txt"].replace('"Kami siap," kata Anwar.', "")
    finished = load(cfile, path=write_corpus(gone, folder="gone"))
    reasons = {o.correction.kind: o.reason for o in finished.orphans}
    assert "no quote in a1.txt" in reasons["drop"]
    assert "Anwar Sanusi" in reasons["rename"]
    assert any("correction #1 (drop) not applied" in w for w in finished.corpus.warnings)
    # an article not loaded is listed as such, not as a failure
    only_a2 = write_corpus({"a2.txt": texts["a2.txt"]}, folder="only-a2")
    finished = load(cfile, path=only_a2)
    drop = [o for o in finished.orphans if o.correction.kind == "drop"][0]
    assert drop.not_loaded and "not loaded" in drop.reason


def test_undo_marks_the_last_corrections_undone_and_keeps_them(load, cfile, entity):
    base = load().corpus
    add(cfile, "rename", fact_anchor(base, entity(base, "Keizo Takemi")), name="A")
    add(cfile, "rename", fact_anchor(base, entity(base, "Anwar Sanusi")), name="B")
    add(cfile, "rename", fact_anchor(base, entity(base, "Ida Fauziyah")), name="C")
    undone = store.undo(cfile, 2)
    assert [c.n for c in undone] == [3, 2]
    names = {e.name for e in load(cfile).corpus.entities}
    assert "A" in names and "B" not in names and "C" not in names and "Ida Fauziyah" in names
    kept = store.load(cfile)
    assert [(c.n, c.undone) for c in kept.corrections] == [(1, False), (2, True), (3, True)]
    assert store.undo(cfile, 5)[0].n == 1 and store.undo(cfile) == []


def test_the_file_round_trips_and_is_plain_toml(load, cfile, entity):
    import tomllib
    base = load().corpus
    add(cfile, "merge", fact_anchor(base, entity(base, "Keizo Takemi")),
        into=fact_anchor(base, find_entity(base, "Ida Fauziyah")))
    data = tomllib.loads(cfile.read_text(encoding="utf-8"))
    row = data["correction"][0]
    assert row["kind"] == "merge" and row["target"]["id"] == "person:keizo-takemi"
    assert row["target"]["article"] and row["target"]["text"] == "Keizo Takemi"
    assert store.load(cfile).corrections == store.parse(data, "x")


@pytest.mark.parametrize("content", [b"[[correction]\nkind=", b'[[correction]]\nn = 1\nkind = "teleport"\n',
                                     b'[[correction]]\nn = 1\nkind = "drop"\n', b"\xff\xfe\x00garbage",
                                     b'version = 99\n'])
def test_a_corrupt_default_file_is_moved_aside_with_a_message(load, content):
    from kemnaker_tui.userdata import corrections_path
    path = corrections_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    finished = load()
    moved = list(path.parent.glob("corrections.toml.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == content and not path.exists()
    assert any(str(moved[0]) in w for w in finished.corpus.warnings)


def test_a_corrupt_file_the_user_named_is_an_error_and_left_alone(load, tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_bytes(b"[[correction]\n")
    with pytest.raises(ValueError, match="not valid TOML"):
        load(bad)
    assert bad.read_bytes() == b"[[correction]\n"
