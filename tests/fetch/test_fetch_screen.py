"""The explorer's "Fetch URL…": download into the folder being explored, show
each outcome, reload to read the new page."""
import asyncio

from textual.widgets import Input, OptionList


def make_app(paths, watch=None):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings
    return KemnakerApp([str(p) for p in paths], settings=Settings(), watch=watch)


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


async def fetch_in_dialog(app, pilot, urls, folder=None):
    from kemnaker_tui.ui.screens.fetch import FetchScreen
    if folder is None:
        app.action_fetch_url()
    else:
        app.push_screen(FetchScreen(folder))
    await pilot.pause()
    screen = app.screen
    assert screen.__class__.__name__ == "FetchScreen"
    screen.query_one(Input).value = " ".join(urls)
    await pilot.press("enter")
    for _ in range(200):
        await pilot.pause(0.05)
        if not screen.busy:
            break
    return screen, [str(o.prompt) for o in screen.query_one(OptionList).options]


async def wait_articles(app, pilot, n, timeout=20.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if app.explorer is not None and len(app.explorer.corpus.articles) == n:
            return
        await pilot.pause(0.1)
    raise AssertionError(f"the explorer never had {n} articles")


def kliping(tmp_path):
    folder = tmp_path / "kliping"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


async def test_palette_offers_fetch_and_a_live_folder_reads_the_page(site, tmp_path):
    folder = kliping(tmp_path)
    app = make_app([folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(app, pilot)
        assert len(app.explorer.corpus.articles) == 1
        assert "Fetch URL…" in [c.title for c in app._system_commands(app.screen)]
        screen, prompts = await fetch_in_dialog(app, pilot, [f"{site.base}/news/kemnaker-buka-lagi",
                                                             f"{site.base}/missing"])
        assert screen.folder == folder
        assert any(p.startswith("fetched") and "Kemnaker Buka Lagi" in p for p in prompts), prompts
        assert any(p.startswith("failed") and "HTTP 404 Not Found" in p for p in prompts), prompts
        assert (folder / "127.0.0.1" / "kemnaker-buka-lagi.html").is_file()
        assert "as they land" in str(screen.query_one("#fetch-status").render())
        await wait_articles(app, pilot, 2)                  # the folder watcher read it
        article = next(a for a in app.explorer.corpus.articles if a.key.endswith(".html"))
        assert article.url == f"{site.base}/news/kemnaker-buka-lagi" and article.fetched_at


async def test_ctrl_r_reloads_when_the_folder_is_not_watched(site, tmp_path):
    folder = kliping(tmp_path)
    app = make_app([folder], watch=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(app, pilot)
        await fetch_in_dialog(app, pilot, [f"{site.base}/news/kemnaker-buka-lagi"])
        await pilot.press("ctrl+r")
        await wait_articles(app, pilot, 2)
        assert app.screen.__class__.__name__ == "MainScreen" and app.paths == [str(folder)]


async def test_fetching_elsewhere_adds_that_folder_on_reload(site, tmp_path):
    folder = kliping(tmp_path)
    elsewhere = tmp_path / "unduhan"
    app = make_app([folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(app, pilot)
        await fetch_in_dialog(app, pilot, [f"{site.base}/news/kemnaker-buka-lagi"], folder=elsewhere)
        await pilot.press("ctrl+r")
        await wait_articles(app, pilot, 2)
        assert app.paths == [str(folder), str(elsewhere)]


async def test_without_a_single_folder_pages_go_to_the_articles_folder(tmp_path):
    from kemnaker_tui.ui.screens.fetch import target_folder
    from kemnaker_tui.userdata import articles_dir
    assert target_folder([]) == articles_dir()
    assert target_folder([str(tmp_path), str(tmp_path)]) == articles_dir()
