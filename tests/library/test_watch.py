"""Live folders: the explorer watches the folders it opened; a new, changed or
removed article shows within seconds with a toast, and the article being
read stays on screen (Pilot, real files, real watchfiles)."""
from __future__ import annotations

import asyncio
import time

from kemnaker_tui.userdata import Settings

ARTICLES = {
    "satu.txt": "Kemnaker Gelar Rapat Magang\n\nJAKARTA - Menteri Ketenagakerjaan Budi Santoso memimpin rapat "
                "tentang program magang ke Jepang di Jakarta, Senin (3/6/2024). \"Kami ingin peserta siap "
                "bekerja,\" kata Budi.\n",
    "dua.txt": "JICA Dukung Pelatihan Vokasi\n\nBANDUNG - JICA menyerahkan peralatan pelatihan kepada balai "
               "latihan kerja di Bandung. Sebanyak 120 peserta mengikuti pelatihan tersebut.\n",
}
NEW = ("tiga.txt", "Pemagang Berangkat ke Osaka\n\nSURABAYA - Sebanyak 45 pemagang berangkat ke Osaka pada "
                   "Jumat (7/6/2024) setelah mengikuti pelatihan bahasa selama empat bulan.\n")


async def _until(pilot, condition, timeout: float) -> float:
    """Seconds until ``condition()`` held (fails after ``timeout``)."""
    t0 = time.monotonic()
    while not condition():
        if time.monotonic() - t0 > timeout:
            raise AssertionError("the explorer did not update in time")
        await pilot.pause(0.05)
    return time.monotonic() - t0


async def test_new_changed_removed_articles_appear_and_disappear(write_corpus):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.ui.screens.article import ArticleScreen

    folder = write_corpus(ARTICLES)
    app = KemnakerApp([str(folder)], settings=Settings())
    toasts: list[str] = []
    real_notify = app.notify

    def notify(message, **kw):
        toasts.append(str(message))
        real_notify(message, **kw)
    app.notify = notify
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: app.explorer is not None, 60)
        assert app.watching
        keys = lambda: {a.key for a in app.explorer.corpus.articles}   # noqa: E731
        assert keys() == {"satu.txt", "dua.txt"}
        app.open_article("satu.txt")
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ArticleScreen) and reading.article.key == "satu.txt"
        await asyncio.sleep(0.5)            # the watcher is up

        (folder / NEW[0]).write_text(NEW[1], encoding="utf-8")
        took = await _until(pilot, lambda: "tiga.txt" in keys(), 20)
        await _until(pilot, lambda: any("1 article added" in t for t in toasts), 5)
        assert app.screen is reading and reading.article.key == "satu.txt"   # still reading
        print(f"new article shown after {took:.2f} s")

        (folder / "dua.txt").write_text(ARTICLES["dua.txt"] + "Pelatihan berlangsung dua minggu.\n",
                                        encoding="utf-8")
        await _until(pilot, lambda: any("1 changed" in t for t in toasts), 20)
        assert "dua minggu" in app.explorer.corpus.article("dua.txt").text

        (folder / "dua.txt").unlink()
        await _until(pilot, lambda: "dua.txt" not in keys(), 20)
        await _until(pilot, lambda: any("1 removed" in t for t in toasts), 5)
        assert app.screen is reading and reading.article.key == "satu.txt"
        # search answers from the new index
        assert app.explorer.index.search("Osaka").counts.get("articles") == 1


def test_no_watching_for_a_given_corpus_or_the_bundled_one():
    from kemnaker_tui.ui.app import KemnakerApp
    assert not KemnakerApp([], settings=Settings()).watching
    assert KemnakerApp(["x"], settings=Settings()).watching
    assert not KemnakerApp(["x"], settings=Settings(), watch=False).watching
