"""``b``: the clip basket — quotes gathered with ``a``, in the order you want
them; reorder (``K``/``J``), remove (``d``), copy all as Markdown (``y``),
write to a file (``w``). Saved as you go (``kemnaker_tui.basket``)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R


class ClipList(OptionList):
    # j/k only: the basket's own J/K move clips.
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class BasketScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("K,ctrl+up", "move(-1)", "Move up", id="basket.up"),
        Binding("J,ctrl+down", "move(1)", "Move down", id="basket.down"),
        Binding("d,delete", "remove", "Remove", id="basket.remove"),
        Binding("y", "copy_all", "Copy all", id="basket.copy"),
        Binding("w", "export", "Write to file", id="basket.export"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="basket-box"):
            yield Static(id="basket-title")
            yield ClipList(id="basket-list")
            export = Input(id="basket-export", placeholder="file to write (Markdown)", select_on_focus=False)
            export.display = False
            yield export
        yield Footer()

    @property
    def basket(self):
        return self.app.basket

    def on_mount(self) -> None:
        self.refill()
        self.query_one(ClipList).focus()

    def refill(self, keep: str | None = None) -> None:
        clips = list(self.basket)
        self.query_one("#basket-title", Static).update(
            R.join(("Basket ", "bold $text-primary"),
                   (f"{len(clips)} clip{'s' if len(clips) != 1 else ''} · saved in {self.basket.path}", R.DIM)))
        options = [Option(self.prompt(i, clip), id=clip.id) for i, clip in enumerate(clips)]
        if not options:
            options = [Option(R.plain("empty — press a on a quote (search, article, entity page) to add it",
                                      R.DIM), disabled=True)]
        lst = self.query_one(ClipList)
        lst.set_options(options)
        if clips:
            ids = [c.id for c in clips]
            lst.highlighted = ids.index(keep) if keep in ids else 0

    @staticmethod
    def prompt(i: int, clip) -> Content:
        c = clip.citation
        date = c.date.isoformat() if c.date else "no date"
        head = R.join((f"{i + 1:>2}. ", R.DIM))
        if c.text:
            head = head + R.join(("“", R.QUOTE), (R.clip(c.text, 300), R.QUOTE), ("”", R.QUOTE))
        else:
            head = head + R.plain(c.title, "bold")
        who = R.join(("     — ", R.DIM), (c.speaker or ("article" if c.kind == "article" else "unattributed"), R.SPEAKER),
                     (f"  {c.outlet or ''} {date} · {R.clip(c.title, 60)}", R.DIM))
        return head + Content("\n") + who

    def current_id(self) -> str | None:
        option = self.query_one(ClipList).highlighted_option
        return option.id if option is not None else None

    def action_move(self, delta: int) -> None:
        cid = self.current_id()
        if cid:
            self.basket.move(cid, delta)
            self.refill(keep=cid)

    def action_remove(self) -> None:
        cid = self.current_id()
        if cid and self.basket.remove(cid):
            lst = self.query_one(ClipList)
            index = lst.highlighted or 0
            self.refill()
            if len(self.basket):
                lst.highlighted = min(index, len(self.basket) - 1)
            self.notify("Removed from the basket", timeout=2)

    def action_copy_all(self) -> None:
        if not len(self.basket):
            self.notify("the basket is empty", severity="warning")
            return
        self.app.copy_to_clipboard(self.basket.export_markdown(lang=getattr(self.app.settings, "language", "id")))

    def action_export(self) -> None:
        box = self.query_one("#basket-export", Input)
        box.display = True
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        box.value = str(Path.cwd() / f"kemnaker-basket-{stamp}.md")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        box = event.input
        try:
            path = self.basket.export_to_file(Path(box.value).expanduser(),
                                              lang=getattr(self.app.settings, "language", "id"))
        except OSError as exc:
            self.notify(f"cannot write {box.value}: {exc.strerror or exc}", severity="error")
            return
        box.display = False
        self.query_one(ClipList).focus()
        self.notify(f"Wrote {len(self.basket)} clips to {path}", timeout=6)

    def action_back(self) -> None:
        box = self.query_one("#basket-export", Input)
        if box.display:
            box.display = False
            self.query_one(ClipList).focus()
        else:
            self.app.pop_screen()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        clip = self.basket.get(event.option.id) if event.option.id else None
        if clip is None:
            return
        c = clip.citation
        explorer = self.app.explorer
        try:
            explorer.article(c.article_key)
        except KeyError:
            self.notify("that article is not in the loaded corpus", severity="warning")
            return
        hits = [(c.start, c.end)] if c.start is not None and c.end is not None else None
        self.app.open_article(c.article_key, at=c.start, hits=hits)

    def palette_commands(self):
        yield SystemCommand("Copy the basket as Markdown", "Every clip with its source (y)", self.action_copy_all)
        yield SystemCommand("Write the basket to a file", "Markdown (w)", self.action_export)
