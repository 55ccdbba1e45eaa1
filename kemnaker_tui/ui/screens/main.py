"""The main screen: entity sidebar on the left; filter chips and one of the
overview, search or timeline views on the right."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer

from kemnaker_tui.ui.explorer import Explorer
from kemnaker_tui.ui.widgets.chips import FilterChips
from kemnaker_tui.ui.widgets.overview import OverviewPane
from kemnaker_tui.ui.widgets.search_pane import SearchView
from kemnaker_tui.ui.widgets.sidebar import EntitySidebar
from kemnaker_tui.ui.widgets.timeline import TimelinePane

VIEWS = ("overview", "search", "timeline")
SIDEBAR_HIDDEN_BELOW = 100   # columns: below this the sidebar starts hidden
WIDE_FROM = 140              # columns: from this on the sidebar has its full width
TALL_FROM = 32               # rows: below this panes drop their margins


class MainScreen(Screen):
    AUTO_FOCUS = "#overview-articles"
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("x", "clear_filters", "Clear filters", id="filters.clear"),
        Binding("ctrl+e", "toggle_sidebar", "Sidebar", id="sidebar.toggle", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield EntitySidebar(id="sidebar")
            with Vertical(id="center"):
                yield FilterChips(id="chips")
                with ContentSwitcher(id="views", initial="overview"):
                    yield OverviewPane(id="overview")
                    yield SearchView(id="search")
                    yield TimelinePane(id="timeline")
        yield Footer()

    @property
    def view(self) -> str:
        return self.query_one(ContentSwitcher).current or "overview"

    def show_view(self, name: str, remember: bool = True) -> None:
        switcher = self.query_one(ContentSwitcher)
        if remember and switcher.current != name:
            self.history.append(switcher.current or "overview")
            del self.history[:-20]
        switcher.current = name
        if name == "search":
            self.query_one(SearchView).focus_query()
        elif name == "timeline":
            self.query_one("#meeting-list").focus()
        else:
            self.query_one("#overview-articles").focus()
        self.refresh_bindings()

    def on_resize(self, event) -> None:
        # A narrow terminal gives the room to the results (ctrl+e brings the sidebar back);
        # a medium one a narrower sidebar; a short one smaller margins (app.tcss).
        width, height = event.size
        self.set_class(width < SIDEBAR_HIDDEN_BELOW, "-narrow")
        self.set_class(SIDEBAR_HIDDEN_BELOW <= width < WIDE_FROM, "-medium")
        self.set_class(height < TALL_FROM, "-short")
        self.query_one(EntitySidebar).display = width >= SIDEBAR_HIDDEN_BELOW

    def focus_sidebar(self) -> None:
        sidebar = self.query_one(EntitySidebar)
        sidebar.display = True
        sidebar.query_one("#entity-filter").focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(EntitySidebar)
        sidebar.display = not sidebar.display

    def action_back(self) -> None:
        search = self.query_one(SearchView)
        if self.view == "search" and search.is_split:
            search.action_split()          # escape closes the second search pane first
            return
        focused = self.focused
        sidebar = self.query_one(EntitySidebar)
        if focused is not None and sidebar in focused.ancestors:
            # leave the sidebar for the view
            self.show_view(self.view, remember=False)
            return
        if self.history:
            self.show_view(self.history.pop(), remember=False)
        elif self.view != "overview":
            self.show_view("overview", remember=False)

    def action_clear_filters(self) -> None:
        self.app.clear_entity_filter()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "clear_filters":
            return bool(self.app.entity_filter)
        return True

    # -- loading ----------------------------------------------------------------
    def show_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one(OverviewPane).show_progress(stage, done, total)

    def load_failed(self, message: str) -> None:
        self.query_one(OverviewPane).show_error(message)

    def corpus_loaded(self, explorer: Explorer) -> None:
        self.query_one(OverviewPane).load(explorer, self.app.load_seconds)
        self.query_one(EntitySidebar).load(explorer)
        self.query_one(SearchView).load(explorer)
        self.query_one(TimelinePane).load(explorer)
        if self.view == "overview" and (self.focused is None):
            self.query_one("#overview-articles").focus()
        self.watch(self.app, "entity_filter", lambda _v: self.refresh_bindings(), init=False)

    def palette_commands(self):
        from textual.app import SystemCommand
        focused = self.focused
        node = focused
        while node is not None and node is not self:
            commands = getattr(node, "palette_commands", None)
            if commands is not None:
                yield from commands()
            node = node.parent
        if self.view == "search" and not (focused and self.query_one(SearchView) in focused.ancestors):
            yield from self.query_one(SearchView).palette_commands()
        yield SystemCommand("Toggle the entity sidebar", "Hide or show it (ctrl+e)", self.action_toggle_sidebar)
