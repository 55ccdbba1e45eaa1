"""Search → open → next hit; live counts; split panes; empty query; markup safety."""
from __future__ import annotations

from ui_fixture import SIZE
from ui_fixture import press, settle

from kemnaker_tui.ui.screens.article import ArticleScreen
from kemnaker_tui.ui.widgets.article_body import ArticleBody
from kemnaker_tui.ui.widgets.search_pane import SearchPane


async def test_search_open_next_hit(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash")
        pane = app.screen.query_one("#search-1", SearchPane)
        assert app.focused is pane.input
        await pilot.press(*"magang")
        await settle(app, pilot)
        assert pane.results is not None
        counts = pane.results.counts
        assert counts["articles"] == 3 and counts["passages"] >= 4 and counts["quotes"] >= 1
        # tab labels carry the counts
        label = str(pane.query_one("TabbedContent").get_tab("search-1-articles").label)
        assert label.split() == ["Articles", "3"]
        await press(app, pilot, "enter")          # to the results
        assert app.focused is pane.list_for("articles")
        await press(app, pilot, "enter")          # open the best article
        assert isinstance(app.screen, ArticleScreen)
        body = app.screen.query_one(ArticleBody)
        assert body.hits, "hits carried into the article"
        text = body.article.text
        assert all(text[s:e].casefold().startswith("magang") or "magang" in text[s:e].casefold()
                   for s, e in body.hits)
        first = body.current_hit
        await press(app, pilot, "n")
        assert body.current_hit is not None and body.current_hit != first
        second = body.current_hit
        await press(app, pilot, "N")
        assert body.current_hit != second
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_results_update_as_you_type(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", "y", "a", "s")
        pane = app.screen.query_one("#search-1", SearchPane)
        n_yas = pane.results.counts["articles"]
        assert n_yas >= 1
        await press(app, pilot, "backspace", "backspace", "backspace")
        # empty query: everything, newest first
        assert [h.article for h in pane.results.articles] == ["kompas_2025.txt", "antara_2024.txt", "jpnn_2023.txt"]
        await pilot.press(*"anwar sanusi")
        await settle(app, pilot)
        keys = {h.article for h in pane.results.articles}
        assert keys == {"jpnn_2023.txt", "antara_2024.txt"}


async def test_tabs_and_preview(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"tenaga kerja", "enter")
        pane = app.screen.query_one("#search-1", SearchPane)
        await press(app, pilot, "right_square_bracket")
        assert pane.active_kind == "passages"
        kind, hit = pane.current_hit()
        assert kind == "passages" and hit is not None
        preview = str(pane.query_one(".preview").render())
        assert app.explorer.article(hit.article).title[:20] in preview
        await press(app, pilot, "right_square_bracket", "right_square_bracket")
        assert pane.active_kind == "figures"
        kind, hit = pane.current_hit()
        assert hit is not None and hit.ref_id


async def test_split_compares_two_queries(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"yassierli")
        await press(app, pilot, "ctrl+s")
        first = app.screen.query_one("#search-1", SearchPane)
        second = app.screen.query_one("#search-2", SearchPane)
        assert second.display and app.focused is second.input
        await pilot.press(*"murai")
        await settle(app, pilot)
        assert {h.article for h in first.results.articles} == {"kompas_2025.txt"}
        assert {h.article for h in second.results.articles} == {"jpnn_2023.txt"}
        await press(app, pilot, "ctrl+s")
        assert not second.display


async def test_markup_in_corpus_text_is_shown_literally(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"intensif", "enter", "right_square_bracket")
        pane = app.screen.query_one("#search-1", SearchPane)
        kind, hit = pane.current_hit()
        assert hit is not None
        lines = [pane.list_for("passages").render_line(y).text for y in range(3)]
        assert any("[bold]intensif[/bold]" in line for line in lines)


async def test_query_problems_are_shown_not_raised(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *'"kerja sama')
        pane = app.screen.query_one("#search-1", SearchPane)
        assert pane.results is not None
        status = str(pane.query_one(".search-status").render())
        if pane.results.problems:
            assert "⚠" in status
