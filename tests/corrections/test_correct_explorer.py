"""Corrections in the explorer, through Pilot: C opens the dialog for the fact
under the cursor, enter applies at once (no reload), u undoes, marks show; the
explorer and the CLI read each other's files."""
from __future__ import annotations

import asyncio

import pytest

from kemnaker_tui.corrections import store


@pytest.fixture
def cf(tmp_path):
    return tmp_path / "team" / "corrections.toml"


@pytest.fixture
def base(folder):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    return analyse_paths([folder])


@pytest.fixture
def app(base, cf):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings
    return KemnakerApp(corpus=base, settings=Settings(), corrections_file=str(cf))


async def loaded(app, pilot):
    for _ in range(400):
        if app.explorer is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    assert app.explorer is not None


async def open_dialog(app, pilot, pick: str | None = None):
    """C, then (when a menu opens) the option whose label holds ``pick``."""
    from kemnaker_tui.ui.screens.correct import CorrectDialog, CorrectMenu
    await pilot.press("C")
    await pilot.pause()
    if isinstance(app.screen, CorrectMenu):
        from textual.widgets import OptionList
        menu = app.screen.query_one(OptionList)
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        index = next(i for i, label in enumerate(labels) if pick and pick in label)
        menu.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.screen, CorrectDialog), type(app.screen)
    return app.screen


async def fill(app, pilot, field_id: str, value: str) -> None:
    from textual.widgets import Input
    box = app.screen.query_one(f"#{field_id}", Input)
    box.focus()
    box.value = value
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def one(items, pred):
    found = [x for x in items if pred(x)]
    assert len(found) == 1, found
    return found[0]


async def test_speaker_picked_with_fuzzy_matching_then_undone(app, cf):
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        q = one(app.explorer.corpus.quotes, lambda q: "membuka" in q.text)
        assert q.speaker == "Keizo Takemi"
        app.open_article(q.article, at=q.start)
        await pilot.pause()
        await open_dialog(app, pilot, pick="quote")
        await pilot.press(*"fauzyah")                         # a typo: fuzzy matching still finds her
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        fixed = one(app.explorer.corpus.quotes, lambda x: "membuka" in x.text)
        assert fixed.speaker == "Ida Fauziyah"                 # applied at once, no reload
        assert app.explorer.mark_of(fixed) == "✎ "
        status = str(app.screen.query_one("#article-status").render())
        assert "✎" in status and "why:" in status and "#1 speaker" in status
        saved = store.load(cf).corrections
        assert [(c.kind, c.by) for c in saved] == [("speaker", "explorer")]
        await pilot.press("u")
        await pilot.pause()
        assert one(app.explorer.corpus.quotes, lambda x: "membuka" in x.text).speaker == "Keizo Takemi"
        assert store.load(cf).corrections[0].undone


async def test_not_a_quote_and_nobody(app, cf):
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        q = one(app.explorer.corpus.quotes, lambda q: "mitra" in q.text)
        app.open_article(q.article, at=q.start)
        await pilot.pause()
        await open_dialog(app, pilot, pick="quote")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert not [x for x in app.explorer.corpus.quotes if "mitra" in x.text]
        q = one(app.explorer.corpus.quotes, lambda q: "terlindungi" in q.text)
        app.pop_screen()
        app.open_article(q.article, at=q.start)
        await pilot.pause()
        await open_dialog(app, pilot, pick="quote")
        await pilot.press(*"nobody", "enter")
        await pilot.pause()
        assert one(app.explorer.corpus.quotes, lambda x: "terlindungi" in x.text).speaker is None
        assert [c.kind for c in store.load(cf).corrections] == ["drop", "speaker"]


async def test_entity_rename_retype_merge_split_drop(app, cf):
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        corpus = app.explorer.corpus
        takemi = one(corpus.entities, lambda e: e.name == "Keizo Takemi")
        app.open_entity(takemi.id)
        await pilot.pause()
        await open_dialog(app, pilot)
        await fill(app, pilot, "correct-name", "Takemi Keizo")
        assert one(app.explorer.corpus.entities, lambda e: e.id == takemi.id).name == "Takemi Keizo"
        assert "Takemi Keizo" in str(app.screen.query_one("#entity-header").render())    # the page redrawn
        await open_dialog(app, pilot)
        await fill(app, pilot, "correct-type", "organisation")
        assert app.explorer.corpus.entity(takemi.id).type == "organisation"
        await open_dialog(app, pilot)
        await fill(app, pilot, "correct-split", "Takemi -> Takemi Lain")
        assert one(app.explorer.corpus.entities, lambda e: e.name == "Takemi Lain")
        await open_dialog(app, pilot)
        await fill(app, pilot, "correct-merge", "japan intl")   # fuzzy: Japan International Cooperation Agency
        jica = one(app.explorer.corpus.entities, lambda e: e.name == "Japan International Cooperation Agency")
        assert "Takemi Keizo" in jica.aliases and app.explorer.corpus.entity(takemi.id) is None
        assert "Japan International" in str(app.screen.query_one("#entity-header").render())  # followed the merge
        await open_dialog(app, pilot)
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.explorer.corpus.entity(jica.id) is None
        kinds = [c.kind for c in store.load(cf).corrections]
        assert kinds == ["rename", "retype", "split", "merge", "drop"]


async def test_meeting_date_place_participants_same_event_and_drop(app, cf):
    from kemnaker_tui.ui.widgets.timeline import TimelinePane
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        assert len(app.explorer.meetings) == 1                    # one event told by two articles
        app.action_timeline()
        await pilot.pause()
        pane = app.screen.query_one(TimelinePane)
        assert "2 sources" in str(pane.row(app.explorer.meetings[0]))
        await open_dialog(app, pilot, pick="meeting")
        m = app.screen.fact
        await fill(app, pilot, "correct-date", "20/06/2023")
        fixed = one(app.explorer.corpus.meetings, lambda x: x.id == m.id)
        assert fixed.date.isoformat() == "2023-06-20" and len(app.explorer.meetings) == 2   # apart now
        assert any("✎" in str(pane.row(x)) for x in app.explorer.meetings)
        app.screen.query_one("#meeting-list").focus()
        await open_dialog(app, pilot, pick="meeting")
        await fill(app, pilot, "correct-place", "Bogor")
        await open_dialog(app, pilot, pick="meeting")
        await fill(app, pilot, "correct-participants", "Ida Fauziyah; Anwar Sanusi")
        other = one(app.explorer.corpus.meetings, lambda x: x.id != m.id)
        app.screen.query_one("#meeting-list").focus()
        dialog = await open_dialog(app, pilot, pick="meeting")
        source = dialog.fact
        await fill(app, pilot, "correct-same", "2023")
        assert len(app.explorer.meetings) == 1                    # joined again, by the user this time
        kinds = [c.kind for c in store.load(cf).corrections]
        assert kinds == ["meeting", "meeting", "meeting", "meeting-merge"]
        app.screen.query_one("#meeting-list").focus()
        await open_dialog(app, pilot, pick=source.kind)
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert len(app.explorer.corpus.meetings) == 1
        del other


async def test_figure_and_article_header(app, cf):
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        f = one(app.explorer.corpus.figures, lambda f: f.article == "a1.txt")
        app.open_article(f.article, at=f.start)
        await pilot.pause()
        await open_dialog(app, pilot, pick="figure")
        await fill(app, pilot, "correct-value", "6000")
        await open_dialog(app, pilot, pick="figure")
        await fill(app, pilot, "correct-claimant", "takemi")
        fixed = one(app.explorer.corpus.figures, lambda x: x.id == f.id)
        assert (fixed.value, fixed.claimed_by) == (6000.0, "Keizo Takemi")
        await open_dialog(app, pilot, pick="article")
        await fill(app, pilot, "correct-published", "2023-06-13")
        await open_dialog(app, pilot, pick="article")
        await fill(app, pilot, "correct-title", "Judul yang Diperbaiki")
        art = app.explorer.corpus.article("a1.txt")
        assert art.title == "Judul yang Diperbaiki" and art.published.isoformat() == "2023-06-13"
        assert "✎ corrected" in str(app.screen.query_one("#article-header").render())
        await open_dialog(app, pilot, pick="figure")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert f.id not in {x.id for x in app.explorer.corpus.figures}


async def test_bad_input_is_said_in_the_dialog_and_nothing_is_written(app, cf):
    from kemnaker_tui.ui.screens.correct import CorrectDialog
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        f = one(app.explorer.corpus.figures, lambda f: f.article == "a1.txt")
        app.open_article(f.article, at=f.start)
        await pilot.pause()
        await open_dialog(app, pilot, pick="article")
        await fill(app, pilot, "correct-published", "kemarin")
        assert isinstance(app.screen, CorrectDialog)
        assert "not a date" in str(app.screen.query_one("#correct-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not cf.exists()


async def test_explorer_and_cli_read_each_others_files(app, cf, folder, cli):
    code, out, _ = cli("correct", "rename", "Anwar Sanusi", "Anwar S.", folder, "--corrections", cf)
    assert code == 0
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        anwar = one(app.explorer.corpus.entities, lambda e: e.name == "Anwar S.")     # the CLI's correction
        assert app.explorer.mark_of(anwar) == "✎ "
        takemi = one(app.explorer.corpus.entities, lambda e: e.name == "Keizo Takemi")
        app.open_entity(takemi.id)
        await pilot.pause()
        await open_dialog(app, pilot)
        await fill(app, pilot, "correct-name", "Takemi K.")
    code, out, _ = cli("correct", "list", folder, "--corrections", cf)
    assert "#1  rename Anwar Sanusi to Anwar S." in out and "#2  rename Keizo Takemi to Takemi K." in out
    code, out, _ = cli("entities", folder, "--json", "--corrections", cf)
    assert "Takemi K." in out
    await asyncio.sleep(0)


async def test_orphaned_corrections_are_listed_with_their_reason(app, cf):
    from kemnaker_tui.corrections.model import Anchor
    from kemnaker_tui.ui.screens.correct_list import CorrectionsScreen
    store.add(cf, "drop", Anchor("quote", id="q-gone", article="a1.txt", start=5, end=30,
                                 text="kata-kata yang sudah tidak ada"), {}, by="test")
    store.add(cf, "rename", Anchor("entity", id="person:nobody", name="Nobody Here"), {"name": "X"}, by="test")
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await loaded(app, pilot)
        assert any("2 correction(s) found nothing" in n.message for n in app._notifications)
        app.action_corrections()
        await pilot.pause()
        assert isinstance(app.screen, CorrectionsScreen)
        from textual.widgets import OptionList
        lst = app.screen.query_one(OptionList)
        text = " ".join(str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count))
        assert "! #1 drop" in text and "no quote in a1.txt stands on" in text
        assert "! #2 rename" in text and "no entity Nobody Here" in text


async def test_c_on_an_article_row_of_the_overview_corrects_its_header(app, cf):
    from kemnaker_tui.ui.screens.correct import ArticleDialog
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        app.screen.query_one("#overview-articles").focus()
        await pilot.pause()
        dialog = await open_dialog(app, pilot)
        assert isinstance(dialog, ArticleDialog)
        key = dialog.fact.key
        await fill(app, pilot, "correct-outlet", "Harian Contoh")
        assert app.explorer.corpus.article(key).outlet == "Harian Contoh"


async def test_a_corrupt_default_file_is_moved_aside_and_the_explorer_opens(base):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings, corrections_path
    path = corrections_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[[correction]]\nn = 'one'\n")
    app = KemnakerApp(corpus=base, settings=Settings())
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        moved = list(path.parent.glob("corrections.toml.corrupt-*"))
        assert len(moved) == 1 and moved[0].read_bytes() == b"[[correction]]\nn = 'one'\n"
        assert any(str(moved[0]) in w for w in app.explorer.corpus.warnings)
        q = one(app.explorer.corpus.quotes, lambda q: "membuka" in q.text)
        app.open_article(q.article, at=q.start)
        await pilot.pause()
        await open_dialog(app, pilot, pick="quote")
        await pilot.press(*"ida", "enter")
        await pilot.pause()
        assert [c.kind for c in store.load(path).corrections] == ["speaker"]     # a new file started


async def test_search_follows_a_merge_once_the_index_is_rebuilt(app, cf):
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(app, pilot)
        corpus = app.explorer.corpus
        takemi = one(corpus.entities, lambda e: e.name == "Keizo Takemi")
        anwar = one(corpus.entities, lambda e: e.name == "Anwar Sanusi")
        before = app.explorer.index
        app.open_entity(takemi.id)
        await pilot.pause()
        await open_dialog(app, pilot)
        await fill(app, pilot, "correct-merge", "anwar sanusi")
        for _ in range(200):
            if app.explorer.index is not before:
                break
            await pilot.pause(0.05)
        assert app.explorer.index is not before
        assert {h.article for h in before.search("magang", entity_ids=frozenset({anwar.id})).articles} == {"a2.txt"}
        hits = app.explorer.index.search("magang", limit=20, entity_ids=frozenset({anwar.id}))
        assert {h.article for h in hits.articles} == {"a1.txt", "a2.txt"}    # Takemi's article now reaches Anwar
