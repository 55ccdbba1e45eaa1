"""``s``: the files that were not read, each with its reason, and warnings."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R


class SkippedScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,q,s", "app.pop_screen", "Close", id="skipped.close"),
        # the list's own keys, also when the list has lost focus (a click outside it)
        Binding("down,j", "list('cursor_down')", "Down", show=False, id="skipped.down"),
        Binding("up,k", "list('cursor_up')", "Up", show=False, id="skipped.up"),
        Binding("pagedown", "list('page_down')", "Page down", show=False, id="skipped.page_down"),
        Binding("pageup", "list('page_up')", "Page up", show=False, id="skipped.page_up"),
        Binding("end,G", "list('last')", "Last", show=False, id="skipped.last"),
        Binding("home,g", "list('first')", "First", show=False, id="skipped.first"),
    ]

    def compose(self) -> ComposeResult:
        explorer = self.app.explorer
        skipped = explorer.corpus.skipped if explorer else ()
        warnings = explorer.corpus.warnings if explorer else ()
        read = len(explorer.corpus.articles) if explorer else 0
        with Vertical(id="skipped-box"):
            yield Static(R.join(("Skipped files ", "bold $text-primary"),
                                (f"{len(skipped)} skipped · {read} articles read", R.DIM)))
            options = []
            for s in skipped:
                folder, _, name = s.path.rpartition("/")
                options.append(Option(R.join(R.plain(name or s.path, "bold"), ("  ", ""),
                                             R.plain(s.reason, "$text-warning"),
                                             ("\n   in " + R.safe(folder, True) if folder else "", R.DIM))))
            for w in warnings:
                options.append(Option(R.join(("warning: ", "$text-warning"), R.plain(w))))
            if not options:
                what = "still loading…" if explorer is None else "every file was read"
                options.append(Option(R.plain(what, R.DIM), disabled=True))
            yield OptionList(*options, id="skipped-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_list(self, action: str) -> None:
        lst = self.query_one(OptionList)
        move = getattr(lst, f"action_{action}")
        if lst.has_focus:
            move()
        else:           # after the focus has landed (focusing resets the list's cursor)
            lst.focus()
            self.call_after_refresh(move)
