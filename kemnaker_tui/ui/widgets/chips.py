"""Filter chips: one per entity filtering the panes; click (or focus + enter)
removes it; ``x`` clears them all."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from kemnaker_tui.ui import render as R


class Chip(Button):
    def __init__(self, entity_id: str, label, **kwargs) -> None:
        super().__init__(label, compact=True, **kwargs)
        self.entity_id = entity_id


class FilterChips(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static("Filtered by:", classes="chips-label")

    def on_mount(self) -> None:
        self.watch(self.app, "entity_filter", self.refresh_chips, init=True)

    async def refresh_chips(self, active: frozenset[str] = frozenset()) -> None:
        await self.query(Chip).remove()
        explorer = getattr(self.app, "explorer", None)
        self.display = bool(active)
        if not active or explorer is None:
            return
        chips = []
        for eid in sorted(active):
            entity = explorer.corpus.entity(eid)
            if entity is None:
                continue
            label = R.join((R.TYPE_ICON.get(entity.type, "·") + " ", R.ENTITY.get(entity.type, "")),
                           R.plain(R.clip(entity.name, 30)), (" ✕", "bold"))
            chips.append(Chip(eid, label, tooltip=f"Stop filtering by {entity.name}"))
        await self.mount_all(chips)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, Chip):
            event.stop()
            self.app.toggle_entity_filter(event.button.entity_id)
