"""The explorer's "Fetch URL…": download into the folder being explored, show
each outcome, reload to read the new page."""
import asyncio

from textual.widgets import Input, OptionList


def make_app(paths):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings
    return KemnakerApp([str(p) for p in paths], settings=Settings())


async def wait_loaded(app, pilot, timeout=30.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while app.explorer is None and app.load_error is None and asyncio.get_running_loop().time() < deadline:
        await pilot.pause(0.05)
    await settle(app, pilot)


async def settle(app, pilot, timeout=10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not all(w.is_finished for w in app.workers) and asyncio.get_running_loop().time() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()

ARTICLE = ("Kemnaker Gelar Rapat Magang\n\nJakarta - Kementerian Ketenagakerjaan menggelar rapat koordinasi "
           "program magang ke Jepang pada Senin (3/6/2024) bersama lembaga pelatihan.\n")


async def test_palette_offers_fetch_and_the_page_is_read_after_reload(site, tmp_path):
    folder = tmp_path / "kliping"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(app, pilot)
        assert len(app.explorer.corpus.articles) == 1
        titles = [c.title for c in app._system_commands(app.screen)]
        assert "Fetch URL…" in titles
        app.action_fetch_url()
        await pilot.pause()
        screen = app.screen
        assert screen.__class__.__name__ == "FetchScreen" and screen.folder == folder
        screen.query_one(Input).value = f"{site.base}/news/kemnaker-buka-lagi {site.base}/missing"
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if not screen.busy:
                break
        prompts = [str(o.prompt) for o in screen.query_one(OptionList).options]
        assert any(p.startswith("fetched") and "Kemnaker Buka Lagi" in p for p in prompts), prompts
        assert any(p.startswith("failed") and "HTTP 404 Not Found" in p for p in prompts), prompts
        assert (folder / "127.0.0.1" / "kemnaker-buka-lagi.html").is_file()
        await pilot.press("ctrl+r")
        await wait_loaded(app, pilot)
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "MainScreen"
        assert len(app.explorer.corpus.articles) == 2
        assert app.paths == [str(folder)]


async def test_without_a_single_folder_pages_go_to_the_articles_folder(tmp_path):
    from kemnaker_tui.ui.screens.fetch import target_folder
    from kemnaker_tui.userdata import articles_dir
    assert target_folder([]) == articles_dir()
    assert target_folder([str(tmp_path), str(tmp_path)]) == articles_dir()
