"""The palette's "Fetch URL…": download pages, PDFs or a feed's items into the
folder being explored (or the articles folder when the explorer shows no
single folder), then reload to read them.

The download runs in a thread worker; each URL's outcome appears as it comes,
failures with their reason. Nothing here knows HTTP: kemnaker_tui.fetch does.
"""
from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R


def target_folder(paths: list[str]) -> Path:
    """The one folder being explored, else the articles folder of the user data dir."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if len(folders) == 1 and len(paths) == 1:
        return folders[0]
    from kemnaker_tui.userdata import articles_dir
    return articles_dir()


class FetchScreen(ModalScreen):
    DEFAULT_CSS = """
    FetchScreen { align: center middle; }
    #fetch-box { width: 90%; max-width: 110; height: auto; max-height: 90%; border: round $primary;
                 padding: 0 1; background: $surface; }
    #fetch-results { height: auto; max-height: 16; }
    #fetch-feed { width: auto; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="fetch.close"),
        Binding("ctrl+r", "reload", "Reload with the new pages", id="fetch.reload"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.fetched = 0
        self.busy = False

    def compose(self) -> ComposeResult:
        if self.folder is None:
            self.folder = target_folder(list(getattr(self.app, "paths", []) or []))
        with Vertical(id="fetch-box"):
            yield Static(R.join(("Fetch URL ", "bold $text-primary"),
                                ("pages, PDFs or RSS/Atom feeds", R.DIM)))
            yield Static(R.join(("into ", R.DIM), R.plain(str(self.folder.absolute()))), id="fetch-folder")
            yield Input(placeholder="https://…  (several: separate with spaces)", id="fetch-urls")
            yield Checkbox("These are feeds (fetch each item's link)", id="fetch-feed")
            yield OptionList(id="fetch-results")
            yield Static(R.plain("enter fetches · ctrl+r reloads the explorer with the new pages · escape closes",
                                 R.DIM), id="fetch-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        urls = event.value.split()
        if not urls or self.busy:
            return
        self.busy = True
        self._status(f"fetching {len(urls)} URL{'s' if len(urls) > 1 else ''}…")
        self.run_fetch(urls, self.query_one(Checkbox).value)

    @work(thread=True, exclusive=True, group="fetch")
    def run_fetch(self, urls: list[str], feeds: bool) -> None:
        from kemnaker_tui.fetch import Fetcher
        outcomes = []

        def show(outcome) -> None:
            outcomes.append(outcome)
            self.app.call_from_thread(self._add, outcome)
        try:
            with Fetcher(self.folder, progress=show) as fetcher:
                if feeds:
                    for url in urls:
                        fetcher.fetch_feed(url)
                else:
                    fetcher.fetch_urls(urls)
        except Exception as exc:  # noqa: BLE001 - a failure is shown, the explorer goes on
            self.app.call_from_thread(self._status, f"fetch stopped: {type(exc).__name__}: {exc}")
        self.app.call_from_thread(self._done, outcomes)

    def _add(self, outcome) -> None:
        if outcome.failed:
            line = R.join(("failed  ", "$text-error"), R.plain(outcome.url), ("  " , ""),
                          R.plain(outcome.reason or "", "$text-warning"))
        else:
            label = {"fetched": "fetched ", "refreshed": "refreshed ", "already": "already ",
                     "unchanged": "unchanged "}.get(outcome.status, outcome.status + " ")
            line = R.join((label, "$text-success"), R.plain(outcome.title or outcome.url),
                          ("\n   " + R.safe(outcome.path or "", True), R.DIM))
        self.query_one(OptionList).add_option(Option(line))
        if outcome.status in ("fetched", "refreshed"):
            self.fetched += 1

    def _covered(self) -> bool:
        """Is the target folder (inside) one of the explored paths?"""
        folder = self.folder.resolve()
        return any(folder == Path(p).resolve() or Path(p).resolve() in folder.parents
                   for p in getattr(self.app, "paths", []) or [])

    def _live(self) -> bool:
        """Does the explorer watch the target folder (new pages load by themselves)?"""
        return bool(getattr(self.app, "watching", False)) and self._covered()

    def _done(self, outcomes) -> None:
        self.busy = False
        failed = sum(o.failed for o in outcomes)
        then = ("the explorer reads new pages as they land (a live folder)" if self._live()
                else "ctrl+r reloads the explorer with them")
        self._status(f"{self.fetched} fetched, {failed} failed · {then}")
        self.query_one(Input).value = ""

    def _status(self, text: str) -> None:
        self.query_one("#fetch-status", Static).update(R.plain(text))

    def action_close(self) -> None:
        self.workers.cancel_group(self, "fetch")
        self.app.pop_screen()

    def action_reload(self) -> None:
        """Read the folder again, the target folder added to what is explored when it was not part of it."""
        app = self.app
        if self._live():                 # the folder watcher loads new pages by itself
            app.pop_screen()
            return
        if not self._covered():
            paths = list(getattr(app, "paths", []) or [])
            if not paths:
                from kemnaker_tui.corpus.reader import bundled_corpus_path
                paths = [str(bundled_corpus_path())]
            paths.append(str(self.folder))
            # the watcher of the old paths ends; the load starts one for the new paths
            stop = getattr(app, "_stop_watching", None)
            if stop is not None:
                import threading
                stop.set()
                app._stop_watching = threading.Event()
            app.paths = paths
        app.pop_screen()
        app.explorer = None
        app.load()
