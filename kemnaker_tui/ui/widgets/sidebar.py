"""The entity sidebar: people, organisations, programs and places with mention
counts and a quick filter box. In the box letters and spaces filter the list
(names have spaces); ``↓`` or ``enter`` moves to the list. In the list ``space``
(or ``f``) filters every pane by the highlighted entity (a removable chip),
``enter`` opens its page and ``↑`` on the first entity goes back to the box."""
from __future__ import annotations

from rapidfuzz import fuzz
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.model import Entity
from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import TYPE_LABELS, Explorer
from kemnaker_tui.ui.widgets.keylist import KeyList


def entity_matches(entity: Entity, needle: str) -> bool:
    """Quick filter: substring of any name, or a close fuzzy match (typos)."""
    if not needle:
        return True
    for name in entity.all_names:
        folded = name.casefold()
        if needle in folded:
            return True
        if len(needle) >= 4 and fuzz.partial_ratio(needle, folded) >= 85:
            return True
    return False


class EntityFilterBox(Input):
    """The quick filter: a focus change selects nothing, ``↓`` goes to the list."""

    BINDINGS = [Binding("down", "to_list", "To the list", id="entity.to_list", show=False)]

    def __init__(self, **kwargs) -> None:
        super().__init__(select_on_focus=False, **kwargs)

    def action_to_list(self) -> None:
        self.screen.query_one(EntityList).focus()


class EntityList(KeyList):
    BINDINGS = [
        Binding("space,f", "toggle_filter", "Filter by", id="entity.filter"),
        Binding("up,k", "up_or_box", "Up", show=False),
    ]

    def action_toggle_filter(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id:
            self.app.toggle_entity_filter(option.id)

    def action_up_or_box(self) -> None:
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        if self.highlighted is None or first is None or self.highlighted <= first:
            self.screen.query_one(EntityFilterBox).focus()
        else:
            self.action_cursor_up()

    def correction_facts(self) -> list:
        option = self.highlighted_option
        explorer = getattr(self.app, "explorer", None)
        entity = explorer.corpus.entity(option.id) if explorer and option is not None and option.id else None
        return [entity] if entity else []


class EntitySidebar(Vertical):
    """Entities grouped by type."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.explorer: Explorer | None = None

    def compose(self) -> ComposeResult:
        yield EntityFilterBox(placeholder="filter entities…", id="entity-filter")
        yield EntityList(id="entity-list")

    def on_mount(self) -> None:
        self.border_title = "Entities"
        self._name_width = 0
        self.query_one(EntityList).add_option(Option(R.plain("loading…", R.DIM), disabled=True))
        self.watch(self.app, "entity_filter", lambda _v: self.refill(), init=False)

    def load(self, explorer: Explorer) -> None:
        self.explorer = explorer
        self.refill()

    def on_resize(self, event) -> None:
        if self._width_for_names() != self._name_width:
            self.refill()

    def _width_for_names(self) -> int:
        # the list's width less the mark, the icon and the mention count
        return max(8, (self.query_one(EntityList).content_size.width or self.content_size.width or 30) - 9)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "entity-filter":
            event.stop()
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "entity-filter":
            event.stop()
            self.query_one(EntityList).focus()

    def refill(self) -> None:
        if self.explorer is None:
            return
        needle = self.query_one("#entity-filter", Input).value.strip().casefold()
        active = self.app.entity_filter
        options: list[Option] = []
        first_enabled = None
        groups = self.explorer.entities_by_type()
        width = self._name_width = self._width_for_names()
        labels = R.distinct_labels([e for es in groups.values() for e in es if entity_matches(e, needle)], width)
        for etype, entities in groups.items():
            shown = [e for e in entities if entity_matches(e, needle)]
            label = TYPE_LABELS.get(etype, etype.title())
            options.append(Option(R.join((f"{label} ", "bold"), (f"{len(shown)}", R.DIM)), disabled=True))
            for e in shown:
                name = labels[e.id]
                mark = "✓ " if e.id in active else (self.explorer.mark_of(e) or "  ")
                prompt = R.join((mark, "bold $text-success"), (R.TYPE_ICON.get(e.type, "·") + " ", R.ENTITY.get(e.type, "")),
                                R.plain(name), (f" {len(e.mentions)}", R.DIM))
                options.append(Option(prompt, id=e.id))
                if first_enabled is None:
                    first_enabled = len(options) - 1
        if not self.explorer.corpus.entities:
            options.append(Option(R.plain("no entities found in these articles", R.DIM), disabled=True))
        elif first_enabled is None:
            options.append(Option(R.plain("no entity matches", R.DIM), disabled=True))
        lst = self.query_one(EntityList)
        previous = lst.highlighted_option.id if lst.highlighted_option is not None else None
        lst.set_options(options)
        if previous is not None:
            try:
                lst.highlighted = lst.get_option_index(previous)
                return
            except Exception:  # noqa: BLE001 - filtered out
                pass
        lst.highlighted = first_enabled

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "entity-list" and event.option.id:
            event.stop()
            self.app.open_entity(event.option.id)
