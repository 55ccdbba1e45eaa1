"""The explorer app: load in a worker, then search, browse entities, follow the
timeline and read articles. ``run_app`` is what ``kemnaker-tui`` calls.

The first frame paints before any file is read: loading, analysis and index
building run in a thread worker that posts ``LoadProgress`` messages; the
overview shows them with a progress bar and the counts of articles read and
files skipped (``s`` lists them with reasons).
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from kemnaker_tui.model import Corpus
from kemnaker_tui.ui.explorer import Explorer


def _guard_option_list_paging() -> None:
    """Textual 8: page up/down on an OptionList with no room to lay out its lines
    (0 columns or rows: a narrow or tiny terminal) raises KeyError in
    ``OptionList._move_page``. Do nothing there instead (found by the monkey test)."""
    from textual.widgets import OptionList
    original = OptionList._move_page
    if getattr(original, "_guarded", False):
        return

    def _move_page(self, direction) -> None:
        self._update_lines()
        if (self.highlighted or 0) not in self._index_to_line:
            return
        original(self, direction)

    _move_page._guarded = True
    OptionList._move_page = _move_page


_guard_option_list_paging()


def _guard_command_palette() -> None:
    """Textual 8: typing in the command palette and closing it at once lets its
    gather worker run after the palette's widgets are gone; the NoMatches
    (CommandList) it raises would end the app. End that worker quietly instead
    (found by the monkey test)."""
    from textual import work
    from textual.command import CommandPalette
    from textual.css.query import NoMatches
    original = getattr(CommandPalette._gather_commands, "__wrapped__", None)
    if original is None or getattr(original, "_guarded", False):
        return

    async def _gather_commands(self, search_value: str) -> None:
        try:
            await original(self, search_value)
        except NoMatches:
            if self.is_attached and self.is_active:
                raise

    _gather_commands._guarded = True
    CommandPalette._gather_commands = work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)(
        _gather_commands)


_guard_command_palette()


REINDEX_AFTER = 1.0     # seconds after the last correction before the search index is rebuilt
TOAST_SECONDS = 3.0
TOAST_SECONDS_WARNING = 5.0


class LoadProgress(Message):
    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


class Loaded(Message):
    def __init__(self, explorer: Explorer, seconds: float) -> None:
        super().__init__()
        self.explorer = explorer
        self.seconds = seconds


class Reloaded(Message):
    """A watched folder changed and the library loaded it again."""
    def __init__(self, explorer: Explorer, summary: str) -> None:
        super().__init__()
        self.explorer = explorer
        self.summary = summary


class WatchNotice(Message):
    """A toast from the folder watcher's thread (posting never blocks it)."""
    def __init__(self, text: str, title: str) -> None:
        super().__init__()
        self.text, self.title = text, title


class LoadFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class KemnakerApp(App):
    """Keyboard-first explorer of the Kemnaker news corpus."""

    TITLE = "kemnaker-tui"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("e", "entities", "Entities", id="entities"),
        Binding("o", "overview", "Overview", id="overview", show=False),
        Binding("b", "basket", "Basket", id="basket", show=False),
        Binding("s", "skipped", "Skipped files", id="skipped", show=False),
        Binding("C", "correct", "Correct", id="correct", show=False),   # shown where there are facts
        Binding("u", "undo_correction", "Undo correction", id="correct.undo", show=False),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    entity_filter: reactive[frozenset[str]] = reactive(frozenset, init=False)
    show_timings = True   # load and query times on screen (snapshot tests turn them off)

    def __init__(self, paths: list[str] | None = None, alias_file: str | None = None,
                 corpus: Corpus | None = None, settings=None, corrections_file: str | None = None,
                 use_store: bool = True, jobs: int | None = None, watch: bool | None = None) -> None:
        super().__init__()
        self.paths = [str(p) for p in (paths or [])]
        self.alias_file = alias_file
        self.corrections_file = corrections_file
        self.finished = None          # corrections.Finished: base corpus, orphans, marks
        self._given_corpus = corpus
        self.use_store = use_store
        self.jobs = jobs
        # live folders: the user's own paths are watched (not a corpus handed in, not the bundled one)
        self.watching = bool(self.paths) and corpus is None if watch is None else watch
        self._stop_watching = threading.Event()
        self._watcher: threading.Thread | None = None
        if use_store and corpus is None:
            from kemnaker_tui.library.workers import prepare_for_threads
            prepare_for_threads()      # while sys.stderr is still the terminal's
        self.explorer: Explorer | None = None
        self.load_error: str | None = None
        self.load_seconds: float | None = None
        if settings is None:
            from kemnaker_tui.userdata import load_settings
            settings = load_settings()
        self.settings = settings
        self.basket = None

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications carry paths, names, settings values and error text from
        outside: never markup (``[/]`` would crash the toast, ``[@click=…]`` would
        be an action) and control characters shown as '�', never sent.
        Widgets' ``notify`` passes ``markup=True`` by default: ignored here."""
        from kemnaker_tui.ui.render import safe
        # a toast sits over the lists: a few seconds, never ten (the skipped-files screen,
        # the overview and the status lines keep what it says)
        limit = TOAST_SECONDS if severity == "information" else TOAST_SECONDS_WARNING
        timeout = limit if timeout is None else min(timeout, limit)
        super().notify(safe(str(message)), title=safe(str(title)), severity=severity,
                       timeout=timeout, markup=False)

    # -- start-up -------------------------------------------------------------
    def on_mount(self) -> None:
        keymap = {}
        for binding_id, keys in (self.settings.keys or {}).items():
            keymap[binding_id] = keys if isinstance(keys, str) else ",".join(keys)
        if keymap:
            self.set_keymap(keymap)
        from kemnaker_tui.ui.screens.main import MainScreen
        self.push_screen(MainScreen())
        for warning in getattr(self.settings, "warnings", []) or []:
            self.notify(warning, title="Settings", severity="warning", timeout=10)
        self.load()

    def _progress(self):
        """progress(stage, done, total) posting LoadProgress at most every 50 ms
        (and at each stage's start and end)."""
        last = [0.0, None]

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] > 0.05 or (total and done == total) or stage != last[1]:
                last[0], last[1] = now, stage
                self.post_message(LoadProgress(stage, done, total))
        return progress

    def _load_explorer(self, progress, defer_write: bool = False) -> tuple[Explorer, object]:
        """Load through the library (every stage reports progress; the alias file and
        corrections applied there, in ``library.finish_corpus``) and open or build the
        search index. Returns (explorer, the library's Loaded or None). ``defer_write``:
        what a merge made is written when the caller settles the Loaded."""
        from kemnaker_tui.ui.searching import build_index
        loaded = None
        if self._given_corpus is not None:
            from kemnaker_tui.corrections import finish
            # a corpus handed in (tests, benchmarks) is finished the same way
            finished = finish(self._given_corpus, self.corrections_file, self.alias_file)
            corpus = finished.corpus
            self.post_message(LoadProgress("index", 0, len(corpus.articles)))
            index, problem = build_index(corpus)
        else:
            from kemnaker_tui import library
            from kemnaker_tui.corpus.reader import bundled_corpus_path
            paths = self.paths or [str(bundled_corpus_path())]
            files = {"alias_file": self.alias_file, "corrections_file": self.corrections_file}
            try:
                loaded = library.load_corpus(paths, jobs=self.jobs, use_store=self.use_store, progress=progress,
                                             defer_write=defer_write, **files)
            except library.StoreError as exc:      # the cache is only a cache
                self.call_from_thread(self.notify, f"{exc} — analysing without the store", title="Store",
                                      severity="warning", timeout=15)
                loaded = library.load_corpus(paths, use_store=False, progress=progress, **files)
            for note in loaded.notes:
                self.call_from_thread(self.notify, note, title="Store", severity="warning", timeout=15)
            finished = loaded.finished
            corpus = loaded.corpus
            progress("index", 0, len(corpus.articles))
            try:
                index, problem = library.search_index(loaded, progress=lambda d, t: progress("index", d, t)), None
            except Exception:  # noqa: BLE001 - the kept index failed: build one in memory (or the stand-in)
                index, problem = build_index(corpus)
        return Explorer(corpus, index, problem, finished=finished), loaded

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        import gc
        started = time.perf_counter()
        # loading only allocates (the corpus, its lookup tables: ~500,000 objects, no cycles worth
        # finding): with the collector on, every full pass walks all that is made so far again
        was_on = gc.isenabled()
        gc.disable()
        try:
            explorer, _loaded = self._load_explorer(self._progress())
            self.finished = explorer.finished
            # the corpus and index live as long as the app: keep them out of GC passes (no collect
            # first: loading makes no cyclic garbage worth a 0.3 s pass over 500,000 objects)
            gc.freeze()
        except (FileNotFoundError, ValueError, OSError) as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - show it in the app, don't crash the terminal
            self.post_message(LoadFailed(f"{type(exc).__name__}: {exc}"))
            return
        finally:
            if was_on:
                gc.enable()
        self.post_message(Loaded(explorer, time.perf_counter() - started))
        if self.watching:
            self.watch_folders()

    def watch_folders(self) -> None:
        """Live folders: when an article file under the paths is added, changed or
        removed, load again through the library (only what changed is analysed)
        and swap the explorer in; a toast says what happened. A plain daemon
        thread, not a Textual worker: it runs as long as the app, and code that
        waits for the app's workers to finish must not wait for it."""
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(target=self._watch_loop, name="kemnaker-watch", daemon=True)
            self._watcher.start()

    def _watch_loop(self) -> None:
        from kemnaker_tui.library.watch import describe_changes, watch_changes
        try:
            for _files in watch_changes(self.paths, self._stop_watching):
                before = self.explorer.corpus if self.explorer else None
                try:
                    # the new snapshot written once the explorer shows the change
                    explorer, loaded = self._load_explorer(lambda *_a: None, defer_write=True)
                except Exception as exc:  # noqa: BLE001 - a folder gone, a store problem: say so, keep the old
                    self.post_message(WatchNotice(f"could not reload: {exc}", "Folder changed"))
                    continue
                old_keys = [a.key for a in before.articles] if before else []
                new_keys = [a.key for a in explorer.corpus.articles]
                added = len(set(new_keys) - set(old_keys))
                changed = max(0, (loaded.stats.analysed if loaded else 0) - added)
                summary = describe_changes(old_keys, new_keys, changed)
                if summary or before is None or before.skipped != explorer.corpus.skipped:
                    self.post_message(Reloaded(explorer, summary or "files changed"))
                if loaded is not None:
                    try:
                        loaded.settle()
                    except Exception as exc:  # noqa: BLE001 - only the cache: the next start merges again
                        self.post_message(WatchNotice(f"could not keep the analysis: {exc}", "Store"))
        except Exception as exc:  # noqa: BLE001 - watching is a convenience: the explorer stays usable
            self.post_message(WatchNotice(f"stopped watching the folders: {exc}", "Live folders"))

    def on_watch_notice(self, message: WatchNotice) -> None:
        self.notify(message.text, title=message.title, severity="warning", timeout=10)

    def on_reloaded(self, message: Reloaded) -> None:
        """Swap in the new corpus; a screen showing an article keeps showing it."""
        self.explorer = message.explorer
        self.finished = message.explorer.finished
        main = self.main_screen
        if main is not None:
            main.corpus_loaded(message.explorer)
        self.notify(message.summary, title="Folder changed", timeout=6)

    def on_unmount(self) -> None:
        self._stop_watching.set()

    def on_load_progress(self, message: LoadProgress) -> None:
        main = self.main_screen
        if main is not None:
            main.show_progress(message.stage, message.done, message.total)

    def on_loaded(self, message: Loaded) -> None:
        self.explorer = message.explorer
        self.load_seconds = message.seconds
        try:
            from kemnaker_tui.basket import Basket
            self.basket = Basket.load()
            if self.basket.message:
                self.notify(self.basket.message, title="Basket", severity="warning", timeout=15)
        except Exception as exc:  # noqa: BLE001
            self.basket = None
            self.notify(f"basket unavailable: {exc}", severity="warning")
        main = self.main_screen
        if main is not None:
            main.corpus_loaded(message.explorer)
        corpus = message.explorer.corpus
        orphans = [o for o in (self.finished.orphans if self.finished else []) if not o.not_loaded]
        if orphans:
            self.notify(f"{len(orphans)} correction(s) found nothing to apply to — ctrl+p, Corrections, says why",
                        title="Corrections", severity="warning", timeout=10)
        if corpus.skipped:
            self.notify(f"{len(corpus.skipped)} file(s) skipped — press s to see why",
                        title="Loaded", severity="warning", timeout=8)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.load_error = message.message
        main = self.main_screen
        if main is not None:
            main.load_failed(message.message)
        self.notify(message.message, title="Cannot load", severity="error", timeout=15)

    @property
    def main_screen(self):
        from kemnaker_tui.ui.screens.main import MainScreen
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # -- navigation -------------------------------------------------------------
    def _to_main(self) -> None:
        main = self.main_screen
        while main is not None and self.screen is not main and len(self.screen_stack) > 2:
            self.pop_screen()

    def action_search(self) -> None:
        self._to_main()
        if self.main_screen:
            self.main_screen.show_view("search")

    def action_timeline(self) -> None:
        self._to_main()
        if self.main_screen:
            self.main_screen.show_view("timeline")

    def action_overview(self) -> None:
        self._to_main()
        if self.main_screen:
            self.main_screen.show_view("overview")

    def action_entities(self) -> None:
        self._to_main()
        if self.main_screen:
            self.main_screen.focus_sidebar()

    def action_help(self) -> None:
        from kemnaker_tui.ui.screens.help import HelpScreen
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_skipped(self) -> None:
        from kemnaker_tui.ui.screens.skipped import SkippedScreen
        if not isinstance(self.screen, SkippedScreen):
            self.push_screen(SkippedScreen())

    def action_fetch_url(self) -> None:
        from kemnaker_tui.ui.screens.fetch import FetchScreen
        self.push_screen(FetchScreen())

    def action_basket(self) -> None:
        from kemnaker_tui.ui.screens.basket import BasketScreen
        if self.basket is None:
            self.notify("the basket is not available", severity="warning")
            return
        if not isinstance(self.screen, BasketScreen):
            self.push_screen(BasketScreen())

    def open_article(self, key: str, at: int | None = None, hits: list[tuple[int, int]] | None = None,
                     query: str | None = None) -> None:
        if self.explorer is None:
            return
        from kemnaker_tui.ui.screens.article import ArticleScreen
        self.push_screen(ArticleScreen(self.explorer, key, at=at, hits=hits, query=query))

    def open_entity(self, entity_id: str) -> None:
        if self.explorer is None or self.explorer.corpus.entity(entity_id) is None:
            return
        from kemnaker_tui.ui.screens.entity import EntityScreen
        self.push_screen(EntityScreen(self.explorer, entity_id))

    # -- corrections ------------------------------------------------------------
    def action_correct(self) -> None:
        """C: the dialog for the fact under the cursor (a menu when several stand there)."""
        if self.explorer is None:
            return
        facts = []
        focused = self.screen.focused
        for node in (focused.ancestors_with_self if focused is not None else [self.screen]):
            found = getattr(node, "correction_facts", None)
            if found is not None:
                facts = list(found())
                if facts:
                    break
        if not facts:
            self.notify("nothing to correct here: open an article, an entity or the timeline", severity="warning")
            return
        from kemnaker_tui.ui.screens.correct import CorrectMenu, dialog_for
        if len(facts) == 1:
            self.push_screen(dialog_for(self.explorer, facts[0]))
            return

        def chosen(fact) -> None:
            if fact is not None and self.explorer is not None:
                self.push_screen(dialog_for(self.explorer, fact))
        self.push_screen(CorrectMenu(self.explorer, facts), callback=chosen)

    def add_corrections(self, items) -> bool:
        """Write corrections (kind, target anchor, values) and apply them at once; False on failure."""
        from kemnaker_tui.corrections import store
        try:
            for kind, target, values in items:
                correction = store.add(self.corrections_file, kind, target, values, by="explorer")
        except (ValueError, OSError) as exc:
            self.notify(f"cannot write the correction: {exc}", title="Correction", severity="error", timeout=10)
            return False
        self.reapply_corrections()
        orphan = next((o for o in self.finished.orphans if o.correction.n == correction.n), None) \
            if self.finished else None
        if orphan:
            self.notify(f"#{correction.n} written but not applied: {orphan.reason}", title="Correction",
                        severity="warning", timeout=10)
        else:
            self.notify(f"✎ #{correction.n} {correction.describe()} — u undoes", title="Corrected", timeout=5)
        return True

    @work(thread=True, exclusive=True, group="reindex")
    def _reindex(self, explorer: Explorer) -> None:
        from kemnaker_tui.ui.searching import build_index
        if self.explorer is not explorer:          # corrected again meanwhile: that one rebuilds
            return
        index, problem = build_index(explorer.corpus)

        def swap() -> None:
            if self.explorer is explorer:          # not replaced by a later correction meanwhile
                explorer.index, explorer.index_problem = index, problem
        self.call_from_thread(swap)

    def action_corrections(self) -> None:
        from kemnaker_tui.ui.screens.correct_list import CorrectionsScreen
        if not isinstance(self.screen, CorrectionsScreen):
            self.push_screen(CorrectionsScreen())

    def action_undo_correction(self) -> None:
        from kemnaker_tui.corrections import store
        try:
            undone = store.undo(self.corrections_file, 1)
        except (ValueError, OSError) as exc:
            self.notify(f"cannot undo: {exc}", severity="error")
            return
        if not undone:
            self.notify("no correction to undo", severity="warning", timeout=3)
            return
        self.reapply_corrections()
        self.notify(f"undone #{undone[0].n} {undone[0].describe()}", title="Undo", timeout=5)

    def reapply_corrections(self) -> None:
        """The corrections file changed: correct the analysed corpus again (no re-analysis,
        the search index kept) and redraw every pane and open screen."""
        if self.explorer is None or self.finished is None:
            return
        from kemnaker_tui.corrections import reapply
        try:
            self.finished = reapply(self.finished, self.corrections_file)
        except ValueError as exc:
            self.notify(str(exc), title="Corrections", severity="error", timeout=10)
            return
        old = self.explorer
        # the search index is kept until a new one is built in the background (entity filters
        # and quote hits follow the corrections once it is in)
        self.explorer = Explorer(self.finished.corpus, old.index, old.index_problem, finished=self.finished)
        # one rebuild after a burst of corrections, not one per correction (a thread cannot be stopped)
        timer = getattr(self, "_reindex_timer", None)
        if timer is not None:
            timer.stop()
        explorer = self.explorer
        self._reindex_timer = self.set_timer(REINDEX_AFTER, lambda: self._reindex(explorer))
        main = self.main_screen
        if main is not None:
            main.corpus_loaded(self.explorer)
        for screen in self.screen_stack:
            if screen is not main and hasattr(screen, "explorer"):
                refresh = getattr(screen, "corrections_changed", None)
                if refresh is not None:
                    refresh(self.explorer)
                else:
                    screen.explorer = self.explorer

    # -- filters ----------------------------------------------------------------
    def toggle_entity_filter(self, entity_id: str) -> None:
        current = set(self.entity_filter)
        current.symmetric_difference_update({entity_id})
        self.entity_filter = frozenset(current)
        entity = self.explorer.corpus.entity(entity_id) if self.explorer else None
        name = entity.name if entity else entity_id
        self.notify(("Filtering by " if entity_id in current else "Removed filter ") + name, timeout=2)

    def clear_entity_filter(self) -> None:
        self.entity_filter = frozenset()

    # -- copying ----------------------------------------------------------------
    def copy_citation(self, kind: str, article_key: str, start: int | None = None,
                      end: int | None = None, quote_id: str | None = None) -> str | None:
        """Copy a quote, passage or article with its citation; returns the text."""
        if self.explorer is None:
            return None
        corpus = self.explorer.corpus
        fmt = getattr(self.settings, "citation_format", "plain")
        lang = getattr(self.settings, "language", "id")
        try:
            from kemnaker_tui import cite
            if kind == "quote" and quote_id:
                text = cite.cite_quote(corpus, quote_id, fmt=fmt, lang=lang)
            elif kind == "passage" and start is not None and end is not None:
                text = cite.cite_passage(corpus, article_key, start, end, fmt=fmt, lang=lang)
            else:
                text = cite.cite_article(corpus, article_key, fmt=fmt, lang=lang)
        except Exception as exc:  # noqa: BLE001
            self.notify(f"cannot build the citation: {exc}", severity="error")
            return None
        self.copy_to_clipboard(text)
        return text

    def copy_to_clipboard(self, text: str) -> None:
        """Keep ``text`` as ``app.clipboard`` and send it out by every path
        (OSC 52 through the driver, tmux pass-through, a native tool) in a
        worker; the toast says which path worked."""
        self._clipboard = text
        self._copy_out(text)

    @work(thread=True, group="clipboard")
    def _copy_out(self, text: str) -> None:
        try:
            from kemnaker_tui import clipboard
            result = clipboard.copy(text, osc52_writer=clipboard.app_osc52_writer(self),
                                    use_osc52=getattr(self.settings, "osc52", True),
                                    use_native=getattr(self.settings, "native_clipboard", True))
            message, severity = result.message, result.severity
        except Exception as exc:  # noqa: BLE001 - say it, keep the app alive
            message, severity = f"Kept in the app; the system clipboard failed: {exc}", "warning"
        self.call_from_thread(self.notify, message, title="Copy", severity=severity,
                              timeout=4 if severity == "information" else 10)

    def add_to_basket(self, quote_id: str | None) -> None:
        if self.explorer is None or self.basket is None:
            self.notify("the basket is not available", severity="warning")
            return
        if not quote_id:
            self.notify("no quote under the cursor", severity="warning")
            return
        try:
            from kemnaker_tui import cite
            citation = cite.quote_citation(self.explorer.corpus, quote_id)
            before = len(self.basket)
            self.basket.add(citation)
            added = len(self.basket) > before
        except Exception as exc:  # noqa: BLE001
            self.notify(f"cannot add to the basket: {exc}", severity="error")
            return
        n = len(self.basket)
        self.notify(("Added to the basket" if added else "Already in the basket")
                    + f" ({n} clip{'s' if n != 1 else ''}) — b opens it", timeout=3)

    # -- command palette ----------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The palette parses titles and help as markup; entity names come from the
        # corpus ("[" or control characters in them): escape, never interpret.
        from textual.markup import escape
        from kemnaker_tui.ui.render import safe
        seen: set[str] = set()
        for command in self._system_commands(screen):
            if command.title in seen:      # the screen's, then ours, then Textual's: the first wins
                continue
            seen.add(command.title)
            yield command._replace(title=escape(safe(command.title, True)), help=escape(safe(command.help, True)))

    def _system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Search", "Search articles, passages, quotes and figures (/)", self.action_search)
        yield SystemCommand("Timeline", "Meetings in date order (t)", self.action_timeline)
        yield SystemCommand("Overview", "Corpus at a glance (o)", self.action_overview)
        yield SystemCommand("Entities", "Focus the entity sidebar (e)", self.action_entities)
        if self.entity_filter:
            yield SystemCommand("Clear entity filters", "Remove every filter chip", self.clear_entity_filter)
            if self.explorer:
                for eid in sorted(self.entity_filter):
                    e = self.explorer.corpus.entity(eid)
                    if e:
                        yield SystemCommand(f"Remove filter: {e.name}", "Stop filtering by this entity",
                                            lambda eid=eid: self.toggle_entity_filter(eid))
        yield SystemCommand("Corrections", "Every correction, and why some found nothing to apply to (u undoes "
                            "the last)", self.action_corrections)
        yield SystemCommand("Skipped files", "Files that were not read, with reasons (s)", self.action_skipped)
        yield SystemCommand("Fetch URL…", "Download pages, PDFs or a feed into the folder being explored",
                            self.action_fetch_url)
        yield SystemCommand("Basket", "Collected quotes: reorder, remove, export (b)", self.action_basket)
        yield SystemCommand("Every key", "Every key binding, with its id for settings.toml (?)",
                            self.action_help)
        yield from super().get_system_commands(screen)


def run_app(paths: list[str] | None = None, alias_file: str | os.PathLike | None = None,
            corrections_file: str | os.PathLike | None = None, use_store: bool = True,
            jobs: int | None = None) -> int:
    """Open the explorer on ``paths`` (default: the bundled corpus). Returns the exit code."""
    for p in paths or []:
        if not Path(p).exists():
            from kemnaker_tui.commands.common import fail
            return fail(f"no such file or folder: {p}")
    app = KemnakerApp(list(paths or []), alias_file=str(alias_file) if alias_file else None,
                      corrections_file=str(corrections_file) if corrections_file else None,
                      use_store=use_store, jobs=jobs)
    app.run()
    return app.return_code or 0
