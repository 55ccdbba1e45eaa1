"""Layouts that work at 80×24, 100×30 and 160×45 (issue 14): the sidebar is
narrower or hidden on small terminals, lists are reachable, the overview's
table drops columns before it wraps, and names are clipped where they still
differ."""
from __future__ import annotations

import dataclasses

import pytest
from ui_fixture import press, settle

from kemnaker_tui.model import Entity, Mention
from kemnaker_tui.ui.widgets.sidebar import EntityList, EntitySidebar

SIZES = [(80, 24), (100, 30), (160, 45)]
LONG = "Kementerian Ketenagakerjaan Republik Indonesia Direktorat"


def with_twins(corpus):
    """Two organisations whose first 50 letters are the same."""
    a = corpus.articles[0]
    twins = tuple(Entity(f"organisation:twin-{i}", "organisation", f"{LONG} {end}", None, (), (),
                         (Mention(a.key, 0, 8, "Kemnaker"),) * (5 - i))
                  for i, end in enumerate(("Bina Pemagangan", "Bina Penempatan")))
    return dataclasses.replace(corpus, entities=corpus.entities + twins)


@pytest.mark.parametrize("size", SIZES)
async def test_overview_table_never_wraps_and_the_article_list_is_reachable(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        stats = app.screen.query_one("#overview-stats")
        lines = str(stats.render()).split("\n")
        assert all(len(line) <= stats.content_size.width for line in lines), lines
        lst = app.screen.query_one("#overview-articles")
        assert lst.region.height >= 3 and lst.region.bottom <= size[1] - 1
        assert app.focused is lst
        await press(app, pilot, "down", "down")
        assert lst.highlighted == 2


@pytest.mark.parametrize("size,shown,width", [((80, 24), False, None), ((100, 30), True, 28),
                                               ((160, 45), True, 34)])
async def test_sidebar_narrower_or_hidden_on_small_terminals(make_app, size, shown, width):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        sidebar = app.screen.query_one(EntitySidebar)
        assert sidebar.display == shown
        if shown:
            assert sidebar.outer_size.width == width


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_names_that_share_their_beginning_still_differ(make_app, corpus, size):
    app = make_app(corpus_=with_twins(corpus))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "e")          # shows the sidebar on a narrow terminal too
        lst = app.screen.query_one(EntityList)
        prompts = {o.id: str(o.prompt) for o in lst.options if o.id and o.id.startswith("organisation:twin")}
        assert len(prompts) == 2 and len(set(prompts.values())) == 2, prompts
        stats = str(app.screen.query_one("#overview-stats").render())
        twin_lines = [line for line in stats.split("\n") if "Kementeri" in line]
        assert twin_lines, stats
        cells = [c.split("◆")[0] for line in twin_lines for c in line.split("■") if "Kementeri" in c]
        assert len(set(c.strip() for c in cells)) == len(cells) == 2, cells


@pytest.mark.parametrize("size", SIZES)
async def test_timeline_names_are_not_cut_short(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t")
        lst = app.screen.query_one("#meeting-list")
        text = "\n".join(str(o.prompt) for o in lst.options)
        # "Yassierli, Ben Kobayashi" fits at every size (it was cut after nine letters)
        assert "Yassierli, Ben Kobayashi" in text
        assert all(len(line) <= lst.content_size.width for line in text.split("\n"))


@pytest.mark.parametrize("size", SIZES)
async def test_search_list_keeps_rows_on_small_terminals(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"magang", "enter")
        pane = app.screen.query_one("#search-1")
        lst = pane.list_for("articles")
        assert lst.region.height >= 6


async def test_all_four_result_tabs_fit_a_split_view(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"magang", "ctrl+s", *"anwar")
        for pane_id in ("#search-1", "#search-2"):
            pane = app.screen.query_one(pane_id)
            tabs = pane.query_one("TabbedContent")
            for kind in ("articles", "passages", "quotes", "figures"):
                tab = tabs.get_tab(f"{pane.id}-{kind}")
                assert tab.region.right <= pane.region.right, (pane_id, kind, str(tab.label))


async def test_overview_lists_the_newest_articles_and_says_where_the_rest_are(make_app, monkeypatch):
    """A large corpus: the overview's list holds the newest articles only (a row is made
    for each up front) and its last line says how many more there are and how to reach them."""
    from kemnaker_tui.ui.widgets import overview
    monkeypatch.setattr(overview, "OVERVIEW_ARTICLES", 2)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        lst = app.screen.query_one("#overview-articles")
        n = len(app.explorer.corpus.articles)
        assert n > 2
        assert lst.option_count == 3
        last = lst.get_option_at_index(2)
        assert last.disabled and f"{n - 2:,} older articles" in str(last.prompt)
        dated = sorted((a.published for a in app.explorer.corpus.articles if a.published), reverse=True)
        first = lst.get_option_at_index(0)
        assert str(first.prompt).startswith(dated[0].isoformat())
