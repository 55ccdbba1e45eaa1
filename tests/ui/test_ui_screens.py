"""Article view, help, key remapping, skipped files, loading a real folder,
the command palette and the overview."""
from __future__ import annotations

from ui_fixture import SIZE
from ui_fixture import press, settle

from kemnaker_tui.ui.screens.article import ArticleScreen
from kemnaker_tui.ui.screens.help import HelpScreen
from kemnaker_tui.ui.screens.skipped import SkippedScreen
from kemnaker_tui.ui.widgets.article_body import ArticleBody, wrap_offsets
from kemnaker_tui.ui.widgets.overview import OverviewPane


def _body_lines(body: ArticleBody) -> list[str]:
    return [body.render_line(y).text.rstrip() for y in range(body.size.height)]


async def test_article_view_boilerplate_and_markup(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_article("kompas_2025.txt")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        header = str(app.screen.query_one("#article-header").render())
        assert "kompas.com" in header and "2025-02-04" in header and "Jakarta" in header
        body = app.screen.body
        text = "\n".join(_body_lines(body))
        assert "[bold]intensif[/bold]" in text          # corpus text is never markup
        assert "Baca juga" in text
        await press(app, pilot, "H")
        text = "\n".join(_body_lines(body))
        assert "Baca juga" not in text and "5.000 pemagang" in text
        await press(app, pilot, "H")
        assert "Baca juga" in "\n".join(_body_lines(body))


async def test_article_styles_come_from_offsets(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_article("jpnn_2023.txt", hits=[(10, 15)])
        await settle(app, pilot)
        body = app.screen.body
        article = body.article
        content = body._content
        assert content.plain == article.text.replace("\x1b", "\ufffd")   # same length, same offsets
        styled = {(s.start, s.end) for s in content.spans}
        marks = app.explorer.marks[article.key]
        assert marks
        for mark in marks:
            assert (mark.start, mark.end) in styled
        assert (10, 15) in styled


def test_wrap_offsets_cover_the_text():
    text = "Kementerian Ketenagakerjaan menyambut baik kunjungan Gubernur Miyagi ke Jakarta."
    lines = wrap_offsets(text, 0, len(text), 20)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(lines, lines[1:]))
    assert all(len(text[s:e].rstrip()) <= 20 for s, e in lines)


async def test_help_lists_every_binding(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(o.prompt) for o in app.screen.query_one("#help-list").options)
        for needle in ("Search", "Timeline", "Copy + cite", "Next hit", "Hide boilerplate", "Filter by",
                       "Split", "Move up", "Write to file", "Quit", "ctrl+p", "article.next_hit"):
            assert needle in text, needle
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keys_remap_from_settings(make_app):
    app = make_app(keys={"timeline": "ctrl+l", "article.next_hit": ["m", "ctrl+n"]})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+l")
        assert app.main_screen.view == "timeline"
        await press(app, pilot, "question_mark")
        text = "\n".join(str(o.prompt) for o in app.screen.query_one("#help-list").options)
        assert "ctrl+l" in text.lower() or "^l" in text.lower()
        await press(app, pilot, "escape")
        app.open_article("kompas_2025.txt", hits=[(0, 5), (20, 25)])
        await settle(app, pilot)
        await press(app, pilot, "m")
        assert app.screen.body.current_hit is not None


async def test_skipped_files_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s")
        assert isinstance(app.screen, SkippedScreen)
        lst = app.screen.query_one("#skipped-list")
        text = "\n".join(str(o.prompt) for o in lst.options)
        assert "broken.pdf" in text and "binary" in text
        assert app.focused is lst
        # the list's keys work even when it has lost focus
        assert lst.option_count >= 2 and lst.highlighted == 0
        app.screen.set_focus(None)
        await press(app, pilot, "down")
        assert lst.highlighted == 1 and app.focused is lst
        app.screen.set_focus(None)
        await press(app, pilot, "home")
        assert lst.highlighted == 0 and app.focused is lst
        await press(app, pilot, "G")
        assert lst.highlighted == lst.option_count - 1


async def test_users_own_folder_with_skipped_files(make_app, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "satu.txt").write_text(
        "Menaker Bertemu Duta Besar Jepang\n"
        "Jakarta, 3 Maret 2024 – Menteri Ketenagakerjaan Ida Fauziyah bertemu Duta Besar Jepang "
        "Kanasugi Kenji di Jakarta. Keduanya membahas program magang.\n", encoding="utf-8")
    (folder / "rusak.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 200)
    (folder / "kosong.txt").write_bytes(b"")
    app = make_app(paths=[str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, timeout=60)
        assert app.explorer is not None, app.load_error
        corpus = app.explorer.corpus
        assert [a.key for a in corpus.articles] == ["satu.txt"]
        assert corpus.skipped
        stats = str(app.screen.query_one("#overview-stats").render())
        assert "1 articles" in stats and "skipped" in stats
        await press(app, pilot, "slash", *"magang")
        pane = app.screen.query_one("#search-1")
        assert pane.results.counts["articles"] == 1
        await press(app, pilot, "enter", "t")      # enter leaves the query box for the results
        assert app.main_screen.view == "timeline"
        await press(app, pilot, "s")
        text = "\n".join(str(o.prompt) for o in app.screen.query_one("#skipped-list").options)
        assert "rusak.txt" in text


async def test_missing_folder_is_reported_in_the_app(make_app, tmp_path):
    app = make_app(paths=[str(tmp_path / "nope")])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, timeout=60)
        assert app.explorer is None and app.load_error
        assert "Cannot load" in str(app.screen.query_one("#load-status").render())


async def test_overview_is_home(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        overview = app.screen.query_one(OverviewPane)
        stats = str(overview.query_one("#overview-stats").render())
        assert "3 articles" in stats and "2023-11-29 – 2025-02-04" in stats
        assert "Anwar Sanusi" in stats and "2025" in stats
        await press(app, pilot, "enter")
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.key == "kompas_2025.txt"     # newest first


async def test_palette_offers_commands_for_the_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Timeline" in titles and "Skipped files" in titles
        app.toggle_entity_filter("person:yassierli")
        app.open_article("kompas_2025.txt", hits=[(0, 5)])
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Copy article citation" in titles and "Next hit" in titles
        assert "Open entity: Yassierli" in titles
        assert "Remove filter: Yassierli" in titles
        await press(app, pilot, "ctrl+p")
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_escape_backs_out_one_level(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t", "slash")
        assert app.main_screen.view == "search"
        await press(app, pilot, "escape")
        assert app.main_screen.view == "timeline"
        await press(app, pilot, "escape")
        assert app.main_screen.view == "overview"
