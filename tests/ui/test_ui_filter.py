"""Entity sidebar: quick filter, filter chips that narrow every pane and the
timeline, removing a chip; the entity page."""
from __future__ import annotations

from ui_fixture import SIZE
from ui_fixture import press, settle

from kemnaker_tui.ui.screens.article import ArticleScreen
from kemnaker_tui.ui.screens.entity import EntityScreen
from kemnaker_tui.ui.widgets.chips import Chip, FilterChips
from kemnaker_tui.ui.widgets.search_pane import SearchPane
from kemnaker_tui.ui.widgets.sidebar import EntityList
from kemnaker_tui.ui.widgets.timeline import TimelinePane


async def _highlight_entity(app, pilot, text: str, entity_id: str) -> EntityList:
    await press(app, pilot, "e")
    await pilot.press(*text)
    await settle(app, pilot)
    await press(app, pilot, "enter")            # from the filter box to the list
    lst = app.screen.query_one(EntityList)
    assert app.focused is lst
    assert lst.highlighted_option.id == entity_id
    return lst


async def test_sidebar_filter_then_timeline(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t")
        timeline = app.screen.query_one(TimelinePane)
        assert len(timeline.shown) == 3
        await _highlight_entity(app, pilot, "anwar", "person:anwar-sanusi")
        await press(app, pilot, "space")
        assert app.entity_filter == frozenset({"person:anwar-sanusi"})
        chips = app.screen.query_one(FilterChips)
        assert chips.display and len(chips.query(Chip)) == 1
        assert [m.id for m in timeline.shown] == ["m2", "m3"]
        # the search pane is filtered as well: an empty query lists what the filter keeps
        search = app.screen.query_one("#search-1", SearchPane)
        assert search.results is not None
        assert {h.article for h in search.results.articles} <= {"jpnn_2023.txt", "antara_2024.txt"}
        # timeline: enter opens the article at the meeting's sentence
        await press(app, pilot, "t")
        assert app.focused is timeline.query_one("#meeting-list")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, ArticleScreen)
        body = app.screen.body
        sentence = body.cursor_span()
        assert sentence.start <= app.explorer.corpus.meetings[1].start < sentence.end
        await press(app, pilot, "escape")
        # remove the chip with the mouse
        chip = app.screen.query_one(Chip)
        await pilot.click(chip)
        await settle(app, pilot)
        assert app.entity_filter == frozenset()
        assert len(timeline.shown) == 3


async def test_two_filters_and_clear(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.toggle_entity_filter("person:anwar-sanusi")
        app.toggle_entity_filter("place:miyagi")
        await settle(app, pilot)
        await press(app, pilot, "t")
        timeline = app.screen.query_one(TimelinePane)
        assert [m.id for m in timeline.shown] == ["m2"]
        await press(app, pilot, "x")
        assert app.entity_filter == frozenset()
        assert len(timeline.shown) == 3


async def test_timeline_date_range(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t", "r")
        await pilot.press(*"2024..2025")
        await settle(app, pilot)
        timeline = app.screen.query_one(TimelinePane)
        assert [m.id for m in timeline.shown] == ["m3", "m1"]
        await pilot.press(*"-13")           # "2024..2025-13": not a date
        await settle(app, pilot)
        assert "not a date range" in str(timeline.query_one(".timeline-status").render())


async def test_entity_page(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await _highlight_entity(app, pilot, "yass", "person:yassierli")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, EntityScreen)
        header = str(app.screen.query_one("#entity-header").render())
        assert "Yassierli" in header and "Direktur Jenderal Binalavotas" in header
        rows = [str(o.prompt) for o in app.screen.query_one("#entity-page").options]
        text = "\n".join(rows)
        assert "Kemnaker dan JCCI Perkuat Pelatihan Kerja" in text          # its article
        assert "Kami ingin program magang" in text                         # its quote
        assert "Ben Kobayashi" in text                                     # co-occurring
        await press(app, pilot, "f")
        assert "person:yassierli" in app.entity_filter
        # open the quote row
        lst = app.screen.query_one("#entity-page")
        quote_row = next(i for i, o in enumerate(lst.options) if o.id and o.id.startswith("q:"))
        lst.highlighted = quote_row
        await press(app, pilot, "enter")
        assert isinstance(app.screen, ArticleScreen)
        await press(app, pilot, "escape", "escape")
        assert not isinstance(app.screen, (ArticleScreen, EntityScreen))


async def test_quick_filter_tolerates_typos(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "e")
        await pilot.press(*"kobayasi")
        await settle(app, pilot)
        ids = [o.id for o in app.screen.query_one(EntityList).options if o.id]
        assert ids == ["person:ben-kobayashi"]
