"""The meeting timeline: meetings in date order grouped by year and month, a
per-month density chart, filtering by entity (the sidebar's chips) and by a
date range; ``enter`` opens the article at the sentence telling the meeting."""
from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.model import Meeting
from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import MONTHS, Explorer, parse_date_range
from kemnaker_tui.ui.widgets.keylist import KeyList


class MeetingList(KeyList):
    pass


def density(explorer: Explorer, meetings: list[Meeting]) -> Content:
    """A sparkline of meetings per month over the span of ``meetings``."""
    dates = [d for d, _p in (explorer.meeting_date(m) for m in meetings) if d]
    if not dates:
        return R.plain("no dated meetings", R.DIM)
    first, last = min(dates), max(dates)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    counts = [0] * months
    for d in dates:
        counts[(d.year - first.year) * 12 + d.month - first.month] += 1
    if months > 96:  # too wide: one cell a quarter
        counts = [sum(counts[i:i + 3]) for i in range(0, months, 3)]
    spark = R.sparkline(counts)
    return R.join((f"{MONTHS[first.month - 1]} {first.year} ", R.DIM), (spark, "$text-primary"),
                  (f" {MONTHS[last.month - 1]} {last.year}", R.DIM),
                  (f"   busiest month: {max(counts)} meeting{'s' if max(counts) != 1 else ''}", R.DIM))


class TimelinePane(Vertical):
    BINDINGS = [
        Binding("y", "copy", "Copy + cite", id="timeline.copy"),
        Binding("r", "focus_range", "Date range", id="timeline.range"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.explorer: Explorer | None = None
        self.shown: list[Meeting] = []
        self.range: tuple[dt.date | None, dt.date | None] = (None, None)
        self._row_width = 0
        self._rows_stale = False     # rows not built while the pane is hidden (built when shown)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="timeline-bar"):
            yield Static(R.plain("Dates (r):"), classes="pane-title")
            yield Input(placeholder="2024 · 2023-06 · 2023..2024-03", id="timeline-range",
                        select_on_focus=False)
        yield Static(classes="timeline-status")
        yield Static(classes="density")
        yield MeetingList(id="meeting-list")
        yield Static(R.plain("~ year inferred   ° publication date (meeting date not stated)", R.DIM),
                     classes="legend")

    def on_mount(self) -> None:
        self.border_title = "Timeline"
        self.watch(self.app, "entity_filter", lambda _v: self.refill(), init=False)

    def load(self, explorer: Explorer) -> None:
        self.explorer = explorer
        self.refill()

    def on_resize(self, event) -> None:
        # rows are laid out for the list's width: refill when it changes
        if self.explorer is not None and self._width() != self._row_width:
            self.refill()

    def _width(self) -> int:
        return max(40, (self.query_one(MeetingList).content_size.width or self.content_size.width or 100) - 1)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "timeline-range":
            return
        event.stop()
        start, end, problem = parse_date_range(event.value)
        if problem:
            self.query_one(".timeline-status", Static).update(R.plain(problem, "$text-warning"))
            return
        self.range = (start, end)
        self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "timeline-range":
            event.stop()
            self.query_one(MeetingList).focus()

    def action_focus_range(self) -> None:
        self.query_one("#timeline-range", Input).focus()

    def refill(self) -> None:
        if self.explorer is None:
            return
        explorer = self.explorer
        active = frozenset(self.app.entity_filter)
        # undated meetings are never dropped silently: a date range keeps them as a group of
        # their own at the end ("3 undated"), the status says so
        meetings = explorer.filter_meetings(active, *self.range, keep_undated=True)
        self.shown = meetings
        self._row_width = self._width()
        undated = sum(1 for m in meetings if explorer.meeting_date(m)[0] is None)
        status = R.plain(f"{len(meetings)} of {len(explorer.meetings)} meetings", "bold")
        if undated:
            status = status + R.plain(f" · {undated} undated"
                                      + (" (kept apart: no date to test)" if self.range != (None, None) else ""),
                                      "$text-warning")
        if active:
            names = [explorer.corpus.entity(e).name for e in sorted(active) if explorer.corpus.entity(e)]
            status = status + R.plain(" with " + ", ".join(names), R.DIM)
        if self.range != (None, None):
            a, b = self.range
            status = status + R.plain(f" · {a.isoformat() if a else '…'} to {b.isoformat() if b else '…'}", R.DIM)
        self.query_one(".timeline-status", Static).update(status)
        self.query_one(".density", Static).update(density(explorer, meetings))
        if not self.display:
            # a hidden timeline builds no rows (18,000 meetings at 10,000 articles: seconds of a
            # starting explorer's time); showing it builds them (on_show)
            self._rows_stale = True
            return
        self._build_rows(meetings, undated)

    def on_show(self) -> None:
        if self._rows_stale and self.explorer is not None:
            self.refill()

    def _build_rows(self, meetings: list[Meeting], undated: int) -> None:
        self._rows_stale = False
        explorer = self.explorer
        options: list[Option] = []
        last_group = None
        first = None
        for i, m in enumerate(meetings):
            date, from_pub = explorer.meeting_date(m)
            group = (date.year, date.month) if date else None
            if group != last_group or i == 0:
                last_group = group
                label = f"{date.year} · {MONTHS[date.month - 1]}" if date else f"{undated} undated"
                options.append(Option(R.plain(label, "bold $text-primary"), disabled=True))
            options.append(Option(self.row(m), id=f"m:{i}"))
            if first is None:
                first = len(options) - 1
        if not options:
            why = "no meetings found in these articles" if not explorer.meetings else "no meeting matches the filters"
            options.append(Option(R.plain(why, R.DIM), disabled=True))
        lst = self.query_one(MeetingList)
        lst.set_options(options)
        lst.highlighted = first

    def row(self, m: Meeting) -> Content:
        explorer = self.explorer
        date, from_pub = explorer.meeting_date(m)
        article = explorer.article(m.article)
        day = f"{date.day:>2} {MONTHS[date.month - 1]} {date.year}" if date else "    no date"
        mark = "°" if from_pub and date else ("~" if m.year_inferred else " ")
        who = ", ".join(m.participants) or ", ".join(m.organisations) or "participants not named"
        tellings = explorer.tellings(m)
        fixed = "".join(sorted({explorer.mark_of(t).strip() for t in tellings} - {""}))
        sources = len({t.article for t in tellings})
        # columns for the width there is: participants get what the date, place and kind leave
        width = self._row_width or 100
        place_w = max(10, min(22, width // 6))
        kind_w = 0 if width < 70 else min(14, width // 9)
        who_w = max(12, width - 13 - (place_w + 1) - (kind_w + 1 if kind_w else 0))
        line1 = R.join((day, "bold"), (mark + " ", "bold $text-warning"),
                       (R.clip(m.place or "place not stated", place_w).ljust(place_w + 1), R.ENTITY["place"]),
                       ((R.clip(m.kind, kind_w).ljust(kind_w + 1), R.DIM) if kind_w else ("", "")),
                       R.plain(R.clip(who, who_w)))
        outlet = R.clip(article.outlet or "unknown outlet", 20)
        many = f"  {sources} sources" if sources > 1 else ""
        line2 = R.join((f"{fixed:>3}" + " " * 10, "bold $text-warning"), (outlet, "$text-accent"),
                       (many, "bold $text-primary"),
                       ("  " + R.clip(m.summary or article.title, max(10, width - 15 - len(outlet) - len(many))),
                        R.DIM))
        return line1 + Content("\n") + line2

    def correction_facts(self) -> list:
        m = self.current()
        return list(self.explorer.tellings(m)) if m is not None and self.explorer else []

    def current(self) -> Meeting | None:
        option = self.query_one(MeetingList).highlighted_option
        if option is None or not option.id or self._rows_stale:     # stale rows: not of ``shown``
            return None
        return self.shown[int(option.id.split(":")[1])]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "meeting-list":
            return
        event.stop()
        m = self.current()
        if m is not None:
            self.app.open_article(m.article, at=m.start, hits=[(m.start, m.end)])

    def action_copy(self) -> None:
        m = self.current()
        if m is None:
            self.app.notify("no meeting under the cursor", severity="warning")
            return
        self.app.copy_citation("passage", m.article, m.start, m.end)

    def palette_commands(self):
        from textual.app import SystemCommand
        if self.current() is not None:
            yield SystemCommand("Copy meeting evidence with citation", "The sentences telling this meeting (y)",
                                self.action_copy)
        yield SystemCommand("Timeline: date range", "Limit the timeline to dates (r)", self.action_focus_range)
