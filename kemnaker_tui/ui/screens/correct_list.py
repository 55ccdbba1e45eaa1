"""Every correction, applied or not: the ones that found nothing to apply to say
why (never dropped silently). Opened from the command palette ("Corrections"),
and offered when a load leaves some corrections without a target."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R


def correction_rows(finished) -> list[tuple[str, str, str]]:
    """(mark, label, status) for each correction: aliases file first, then the corrections file."""
    if finished is None:
        return []
    orphans = {id(o.correction): o for o in finished.orphans}
    rows = []
    for source, corrections in (("alias", finished.alias_corrections),
                                ("file", finished.file.corrections if finished.file else [])):
        for c in corrections:
            orphan = orphans.get(id(c))
            n = f"#{c.n}" if source == "file" else "alias"
            if c.undone:
                rows.append(("↶", f"{n} {c.describe()}", "undone"))
            elif orphan is not None:
                rows.append(("!", f"{n} {c.describe()}", ("not loaded: " if orphan.not_loaded else "not applied: ")
                             + orphan.reason))
            else:
                rows.append(("✎", f"{n} {c.describe()}", ""))
    return rows


class CorrectionsScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    CorrectionsScreen { align: center middle; }
    CorrectionsScreen > Vertical { width: 110; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1; }
    CorrectionsScreen OptionList { height: auto; max-height: 30; }
    """
    BINDINGS = [Binding("escape,q", "close", "Close", id="corrections.close")]

    def compose(self) -> ComposeResult:
        finished = getattr(self.app, "finished", None)
        rows = correction_rows(finished)
        path = finished.file.path if finished is not None and finished.file else None
        with Vertical():
            yield Static(R.join(("Corrections ", "bold $text-primary"), (f"{path or ''}", R.DIM)))
            options = []
            for mark, label, status in rows:
                style = {"!": "bold $text-error", "↶": R.DIM}.get(mark, "bold $text-warning")
                line = R.join((mark + " ", style), R.plain(R.clip(label, 160)))
                if status:
                    line = line + R.plain(f"\n    {status}", "$text-error" if mark == "!" else R.DIM)
                options.append(Option(line))
            if not options:
                options.append(Option(R.plain("no corrections yet: C on a fact corrects it", R.DIM), disabled=True))
            yield OptionList(*options, id="corrections-list")
            yield Static(R.plain("✎ applied · ! found nothing to apply to (why below) · ↶ undone · "
                                 "u undoes the last · escape closes", R.DIM))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
