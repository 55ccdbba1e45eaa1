"""y copies the quote or passage under the cursor with its citation; a adds a
quote to the basket; the basket reorders, removes and exports."""
from __future__ import annotations

from ui_fixture import SIZE
from ui_fixture import press, settle

from kemnaker_tui.ui.screens.basket import BasketScreen
from kemnaker_tui.ui.widgets.search_pane import SearchPane


async def test_copy_quote_from_search(make_app, fake_copy):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"duta bangsa", "enter")
        pane = app.screen.query_one("#search-1", SearchPane)
        await press(app, pilot, "right_square_bracket", "right_square_bracket")
        assert pane.active_kind == "quotes"
        await press(app, pilot, "y")
        copied = app.clipboard
        assert "Peserta magang adalah duta bangsa" in copied
        assert "Anwar Sanusi" in copied and "antaranews.com" in copied
        assert fake_copy.texts == [copied]          # sent to the system clipboard too


async def test_copy_passage_from_article(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"sertifikasi", "enter", "right_square_bracket", "enter")
        assert app.screen.__class__.__name__ == "ArticleScreen"
        await press(app, pilot, "y")
        assert "sertifikasi" in app.clipboard and "kompas.com" in app.clipboard
        # a sentence cursor on the quote copies the quote with its speaker
        body = app.screen.body
        quote = app.explorer.quotes_by_article["kompas_2025.txt"][0]
        while not (body.cursor_span().start <= quote.start < body.cursor_span().end):
            await press(app, pilot, "k")
        await press(app, pilot, "y")
        assert quote.text in app.clipboard and "Yassierli" in app.clipboard


async def test_copy_meeting_from_timeline(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t", "y")
        meeting = app.screen.query_one("TimelinePane").current()
        assert app.explorer.article(meeting.article).text[meeting.start:meeting.start + 20] in app.clipboard


async def test_basket_add_reorder_remove_export(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"magang", "enter", "right_square_bracket", "right_square_bracket")
        pane = app.screen.query_one("#search-1", SearchPane)
        assert pane.active_kind == "quotes"
        await press(app, pilot, "a", "j", "a")
        assert len(app.basket) == 2
        first, second = [c.id for c in app.basket]
        await press(app, pilot, "b")
        assert isinstance(app.screen, BasketScreen)
        await press(app, pilot, "J")                  # move the first clip down
        assert [c.id for c in app.basket] == [second, first]
        out = tmp_path / "clips.md"
        await press(app, pilot, "w")
        box = app.screen.query_one("#basket-export")
        box.value = str(out)
        await press(app, pilot, "enter")
        assert out.exists() and "magang" in out.read_text(encoding="utf-8")
        await press(app, pilot, "d")
        assert len(app.basket) == 1
        await press(app, pilot, "y")
        assert "magang" in app.clipboard
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, BasketScreen)
