"""``?``: every key binding, grouped by where it applies, with the binding id
used to remap it in settings.toml (``[keys]``)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R

EXTRA = [
    ("Everywhere", "tab / shift+tab", "move between panes", None),
    ("Everywhere", "ctrl+p", "command palette (commands for what is on screen)", None),
    ("Lists", "↑ ↓ j k · g G · pgup pgdn", "move", None),
    ("Lists", "enter / click", "open", None),
    ("Search", "enter", "from the query box to the results", None),
    ("Entity sidebar", "letters, space", "in the filter box: filter the list (names have spaces)", None),
    ("Entity sidebar", "↓ / enter", "from the filter box to the list (↑ on the first entity: back)", None),
    ("Entity sidebar", "enter", "in the list: open the entity's page", None),
    ("Search", "click a tab", "show that kind of result", None),
]


def _key_text(app, binding: Binding) -> str:
    keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
    out = []
    for key in keys.split(","):
        key = key.strip()
        out.append(app.get_key_display(Binding(key, binding.action)) if key else key)
    return " ".join(out)


def groups():
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.ui.screens.article import ArticleScreen
    from kemnaker_tui.ui.screens.basket import BasketScreen
    from kemnaker_tui.ui.screens.entity import EntityScreen
    from kemnaker_tui.ui.screens.main import MainScreen
    from kemnaker_tui.ui.widgets.search_pane import SearchPane, SearchView
    from kemnaker_tui.ui.widgets.keylist import KeyList
    from kemnaker_tui.ui.widgets.sidebar import EntityList
    from kemnaker_tui.ui.widgets.timeline import TimelinePane
    return [
        ("Everywhere", KemnakerApp.BINDINGS + MainScreen.BINDINGS),
        ("Search", SearchView.BINDINGS + SearchPane.BINDINGS),
        ("Entity sidebar", KeyList.BINDINGS + EntityList.BINDINGS),
        ("Timeline", TimelinePane.BINDINGS),
        ("Article", ArticleScreen.BINDINGS),
        ("Entity page", EntityScreen.BINDINGS),
        ("Basket", BasketScreen.BINDINGS),
    ]


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(R.join(("Keys", "bold $text-primary"),
                                ("   remap any binding id in settings.toml under [keys], e.g. copy = \"c\"",
                                 R.DIM)), id="help-title")
            yield OptionList(*self.rows(), id="help-list")

    def rows(self) -> list[Option]:
        out: list[Option] = []
        titles = []
        sections = {}
        for title, bindings in groups():
            titles.append(title)
            sections[title] = [(_key_text(self.app, b), b.description, b.id)
                               for b in bindings if isinstance(b, Binding) and b.description]
        for group, keys, what, bid in EXTRA:
            if group not in sections:
                titles.append(group)
                sections[group] = []
            sections[group].append((keys, what, bid))
        # columns as wide as their longest entry, two spaces apart: words never run together
        every = [row for title in titles for row in sections[title]]
        # (capped: one long entry must not push every binding id onto a line of its own)
        key_width = min(22, max((len(k) for k, _w, _b in every), default=10))
        what_width = min(40, max((len(w) for _k, w, _b in every), default=20))
        for title in titles:
            out.append(Option(R.plain(title, "bold $text-accent"), disabled=True))
            out.extend(Option(self.row(*row, key_width, what_width)) for row in sections[title])
        return out

    @staticmethod
    def row(keys: str, what: str, binding_id: str | None, key_width: int = 20, what_width: int = 40) -> Content:
        return R.join((f"  {keys:<{key_width}}  ", "bold"), R.plain(f"{what:<{what_width}}  "),
                      (binding_id or "", R.DIM))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
