"""Each screen at 120×36, and the five main ones (overview, search, timeline,
entity page, article view) at 80×24, 100×30 and 160×45 (pytest-textual-snapshot). Timings, toasts and the
cursor blink are turned off so the pictures only change when the UI does.
Update with: pytest tests/ui/test_ui_snapshots.py --snapshot-update"""
from __future__ import annotations

from pathlib import Path

import pytest
from ui_fixture import SIZE
from ui_fixture import settle

from kemnaker_tui.ui.app import KemnakerApp
from kemnaker_tui.userdata import Settings


def snapshot_app(corpus) -> KemnakerApp:
    app = KemnakerApp(corpus=corpus, settings=Settings())
    app.show_timings = False
    return app


def steps(*keys: str, before=None):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(app, pilot)
        from textual.widgets import Input
        for screen in app.screen_stack:
            for box in screen.query(Input):
                box.cursor_blink = False
        if before is not None:
            await before(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        for box in app.screen.query(Input):
            box.cursor_blink = False
        app.clear_notifications()
        await pilot.pause()
    return run_before


async def _fixed_basket(app, pilot) -> None:
    from kemnaker_tui.basket import Basket
    from kemnaker_tui.cite import quote_citation
    app.basket = Basket(path=Path("/home/user/.local/share/kemnaker-tui/basket.json"), autosave=False)
    for q in app.explorer.corpus.quotes[:2]:
        app.basket.add(quote_citation(app.explorer.corpus, q))


async def _filter_anwar(app, pilot) -> None:
    app.toggle_entity_filter("person:anwar-sanusi")
    await settle(app, pilot)


CASES = {
    "overview": steps(),
    "search_articles": steps("slash", *"magang", "enter"),
    "search_passages_kwic": steps("slash", *"magang", "enter", "right_square_bracket"),
    "search_quotes": steps("slash", *"magang", "enter", "right_square_bracket", "right_square_bracket"),
    "search_split": steps("slash", *"yassierli", "ctrl+s", *"anwar"),
    "timeline_filtered": steps("t", before=_filter_anwar),
    "article_next_hit": steps("slash", *"magang", "enter", "enter", "n"),
    "article_boilerplate_hidden": steps("enter", "H"),
    "entity_page": steps("e", *"anwar", "enter", "enter"),
    "help": steps("question_mark"),
    "skipped": steps("s"),
    "basket": steps("b", before=_fixed_basket),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_screen(case, snap_compare, corpus):
    assert snap_compare(snapshot_app(corpus), terminal_size=SIZE, run_before=CASES[case])


# The five screens a journalist lives in, at a small, a medium and a large terminal.
SIZES = {"80x24": (80, 24), "100x30": (100, 30), "160x45": (160, 45)}
SIZED = {
    "overview": steps(),
    "search": steps("slash", *"magang", "enter"),
    "timeline": steps("t"),
    "entity_page": steps("e", *"japan", "down", "enter"),
    "article": steps("slash", *"magang", "enter", "enter"),
}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("case", sorted(SIZED))
def test_screen_at_size(case, size, snap_compare, corpus):
    assert snap_compare(snapshot_app(corpus), terminal_size=SIZES[size], run_before=SIZED[case])
