"""Focus and keys as a journalist meets them (issue 14): a focus change never
selects text, the focused pane is visibly distinct, the entity sidebar's keys
do what the README says, escape closes the split view, the palette and the
help screen are clean, toasts are short."""
from __future__ import annotations

from ui_fixture import SIZE, press, settle

from kemnaker_tui.ui.widgets.search_pane import SearchPane
from kemnaker_tui.ui.widgets.sidebar import EntityList, EntitySidebar


async def test_tab_into_the_query_box_selects_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"magang", "enter")      # results focused
        pane = app.screen.query_one("#search-1", SearchPane)
        assert app.focused is not pane.input
        for _ in range(12):                                      # tab round until the query box
            await press(app, pilot, "tab")
            if app.focused is pane.input:
                break
        assert app.focused is pane.input
        assert pane.input.selection.is_empty
        await press(app, pilot, "j")
        # typed at the end, never replacing the query
        assert pane.input.value.startswith("magang")


async def test_focused_pane_has_its_own_border_and_title(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        sidebar = app.screen.query_one(EntitySidebar)
        overview = app.screen.query_one("#overview")
        assert sidebar.border_title and overview.border_title
        assert overview.has_focus_within and not sidebar.has_focus_within
        focused_colour = overview.styles.border_top[1]
        other_colour = sidebar.styles.border_top[1]
        assert overview.styles.border_top[0] and sidebar.styles.border_top[0]
        assert focused_colour != other_colour
        await press(app, pilot, "e")
        await pilot.pause()
        assert sidebar.styles.border_top[1] == focused_colour
        assert overview.styles.border_top[1] == other_colour


async def test_sidebar_filter_box_types_spaces_and_arrows_reach_the_list(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "e", *"anwar", "space", *"san")
        box = app.screen.query_one("#entity-filter")
        assert box.value == "anwar san"                 # space types a space in the filter box
        assert app.entity_filter == frozenset()
        await press(app, pilot, "down")                  # the arrow leaves the box for the list
        lst = app.screen.query_one(EntityList)
        assert app.focused is lst
        assert lst.highlighted_option.id == "person:anwar-sanusi"
        await press(app, pilot, "space")                 # space filters by the highlighted entity
        assert app.entity_filter == frozenset({"person:anwar-sanusi"})
        await press(app, pilot, "up")                    # up from the first entity: back to the box
        assert app.focused is box
        await press(app, pilot, "down", "enter")         # enter opens the highlighted entity
        from kemnaker_tui.ui.screens.entity import EntityScreen
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.entity.id == "person:anwar-sanusi"


async def test_escape_closes_the_split_view(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"magang", "ctrl+s")
        second = app.screen.query_one("#search-2", SearchPane)
        assert second.display
        await press(app, pilot, "escape")
        assert not second.display
        assert app.screen.query_one("#views").current == "search"


async def test_palette_has_no_duplicate_titles(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for view in ("overview", "search", "timeline"):
            app.screen.show_view(view)
            await pilot.pause()
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles)), titles


async def test_help_rows_never_run_words_together(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        from kemnaker_tui.ui.screens.help import HelpScreen
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        rows = [str(o.prompt) for o in screen.query_one("#help-list").options if not o.disabled]
        texts = {"(in the query box)go", "pgdnmove"}
        for row in rows:
            assert not any(t in row for t in texts), row
            keys = row.strip().split("  ")[0]
            # two spaces at least between the keys column and the description
            assert row.strip().startswith(keys) and row.strip()[len(keys):len(keys) + 2] == "  ", row


async def test_toasts_are_short(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # the fixture corpus has skipped files: the load toast says so, briefly
        assert app._notifications, "expected the skipped-files toast"
        for note in app._notifications:
            assert note.timeout <= 5, (note.message, note.timeout)
        app.notify("x" * 30, timeout=12)
        assert max(n.timeout for n in app._notifications) <= 5


async def test_a_tab_without_hits_gives_way_unless_chosen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"magang", "enter", "right_square_bracket", "right_square_bracket")
        pane = app.screen.query_one("#search-1", SearchPane)
        assert pane.active_kind == "quotes"               # chosen with ]
        await press(app, pilot, "slash")
        pane.input.value = "sertifikasi"                  # no quote holds it; articles do
        await settle(app, pilot)
        assert pane.results.counts["quotes"] == 0 and pane.results.counts["articles"] >= 1
        assert pane.active_kind == "quotes"               # the user's choice stands…
        lst = pane.list_for("quotes")
        text = str(lst.get_option_at_index(0).prompt)
        assert text.startswith("no quotes — ") and "article" in text   # …and the tab says where the hits are
        pane.input.value = ""                             # a new search: tabs follow the hits again
        await settle(app, pilot)
        pane.input.value = "sertifikasi"
        await settle(app, pilot)
        assert pane.active_kind == "articles"


async def test_empty_query_lists_everything_and_rows_say_why(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash")
        pane = app.screen.query_one("#search-1", SearchPane)
        assert pane.results is not None and pane.results.counts["quotes"] == 3
        assert "newest first" in str(pane.query_one(".search-status").render())
        await pilot.press(*"Yasierli ")                   # one letter off
        await settle(app, pilot)
        first = str(pane.list_for(pane.active_kind).get_option_at_index(0).prompt)
        assert "typo of yasierli" in first


async def test_timeline_range_keeps_undated_meetings_as_a_visible_group(make_app, corpus):
    import dataclasses
    from kemnaker_tui.ui.widgets.timeline import TimelinePane
    articles = tuple(dataclasses.replace(a, published=None) if a.key == "antara_2024.txt" else a
                     for a in corpus.articles)
    app = make_app(corpus_=dataclasses.replace(corpus, articles=articles))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t", "r", *"2025", "enter")
        timeline = app.screen.query_one(TimelinePane)
        assert [m.id for m in timeline.shown] == ["m1", "m3"]
        prompts = [str(o.prompt) for o in timeline.query_one("#meeting-list").options]
        assert "1 undated" in prompts
        assert "1 undated" in str(timeline.query_one(".timeline-status").render())
