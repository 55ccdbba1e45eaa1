"""The home pane: loading progress, then the corpus at a glance — articles,
date range, top entities, meetings per year — and every article, newest first."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import TYPE_LABELS, Explorer
from kemnaker_tui.ui.widgets.keylist import KeyList

STAGES = {"scan": "Checking files", "read": "Reading files", "analyse": "Analysing articles",
          "load": "Loading the store", "merge": "Merging entities", "index": "Building the search index"}


OVERVIEW_ARTICLES = 2000       # rows of the overview's article list (newest first)


class ArticleList(KeyList):
    def correction_facts(self) -> list:
        """C on an article row: its header (title, outlet, date)."""
        option = self.highlighted_option
        explorer = getattr(self.app, "explorer", None)
        if explorer is None or option is None or not option.id:
            return []
        return [explorer.article(option.id)]


class OverviewPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(R.plain("Loading…", "bold"), id="load-status")
        yield ProgressBar(id="load-bar", show_eta=False)
        yield Static(id="overview-stats")
        yield Static(R.plain("Articles, newest first — enter opens", "bold"), id="articles-title",
                     classes="section-title")
        yield ArticleList(id="overview-articles")

    def on_mount(self) -> None:
        self.border_title = "Overview"
        self.explorer: Explorer | None = None
        self._stats_size = (0, 0)
        self.query_one("#articles-title").display = False

    def on_resize(self, event) -> None:
        # the stats are laid out for the room there is: columns that fit, fewer rows when short
        if self.explorer is not None and self._stats_size != self._room():
            self._show_stats()

    def _room(self) -> tuple[int, int]:
        return (self.content_size.width or 80, self.app.size.height or 24)

    def _show_stats(self) -> None:
        self._stats_size = self._room()
        width, height = self._stats_size
        self.query_one("#overview-stats", Static).update(self.stats(self.explorer, width, height))

    def show_progress(self, stage: str, done: int, total: int) -> None:
        label = STAGES.get(stage, stage)
        counts = f"{done} of {total}" if total else f"{done} files"
        self.query_one("#load-status", Static).update(R.join((label + "… ", "bold"), R.plain(counts, R.DIM)))
        bar = self.query_one("#load-bar", ProgressBar)
        bar.update(total=total or None, progress=done)

    def show_error(self, message: str) -> None:
        self.query_one("#load-bar").display = False
        self.query_one("#load-status", Static).update(
            R.join(("Cannot load: ", "bold $text-error"), R.plain(message), ("\n\nq quits.", R.DIM)))

    def load(self, explorer: Explorer, seconds: float | None = None) -> None:
        self.query_one("#load-bar").display = False
        corpus = explorer.corpus
        status = R.join(("Kemnaker news corpus", "bold $text-primary"))
        if seconds is not None and self.app.show_timings:
            status = status + R.plain(f"   loaded in {seconds:.1f} s", R.DIM)
        self.query_one("#load-status", Static).update(status)
        self.explorer = explorer
        self._show_stats()
        lst = self.query_one("#overview-articles", ArticleList)
        articles = sorted(corpus.articles, key=lambda a: (a.published is None, -(a.published.toordinal() if a.published else 0), a.key))
        options = []
        # the newest OVERVIEW_ARTICLES: a list row is made for each one shown, up front, and a
        # hundred thousand of them would hold the screen for seconds; the rest are a search away
        # (an empty search lists every article, newest first, as the user scrolls)
        more = max(0, len(articles) - OVERVIEW_ARTICLES)
        for a in articles[:OVERVIEW_ARTICLES]:
            date = a.published.isoformat() if a.published else "no date   "
            options.append(Option(R.join((date + "  ", R.DIM), (R.clip(a.outlet or "—", 14).ljust(15), "$text-accent"),
                                         R.plain(R.clip(a.title, 200))), id=a.key))
        if more:
            options.append(Option(R.plain(f"… {more:,} older articles: press / and search (an empty search lists "
                                          f"them all; year: and outlet: narrow it)", R.DIM), disabled=True))
        if not options:
            options.append(Option(R.plain("no readable articles — press s to see the skipped files", R.DIM),
                                  disabled=True))
        lst.set_options(options)
        self.query_one("#articles-title").display = True
        lst.highlighted = 0 if corpus.articles else None

    @staticmethod
    def stats(explorer: Explorer, width: int = 120, height: int = 40) -> Content:
        """The corpus at a glance, laid out for ``width`` columns and a terminal
        ``height`` rows high: the top-entity columns that fit side by side (a
        column is dropped before a row wraps), fewer of them and one line of
        meetings per year on a short terminal, so the article list below keeps
        its room."""
        corpus = explorer.corpus
        lines: list[Content] = []
        tall = height >= 40
        medium = height >= 30
        rng = explorer.date_range()
        outlets = sorted({a.outlet for a in corpus.articles if a.outlet})
        langs: dict[str, int] = {}
        for a in corpus.articles:
            langs[a.language] = langs.get(a.language, 0) + 1
        first = [f"{len(corpus.articles)} articles"]
        if rng:
            first.append(f"{rng[0].isoformat()} – {rng[1].isoformat()}")
        if outlets:
            first.append(f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}")
        if langs:
            names = {"id": "Indonesian", "en": "English"}
            first.append(", ".join(f"{v} in {names.get(k, k or '?')}" for k, v in sorted(langs.items())))
        lines.append(R.plain(" · ".join(first), "bold"))
        second = R.plain(f"{len(corpus.entities)} entities · {len(corpus.meetings)} meetings · "
                         f"{len(corpus.quotes)} quotes · {len(corpus.figures)} figures")
        if corpus.skipped:
            skipped = f"{len(corpus.skipped)} files skipped (s shows why)"
            if second.cell_length + 3 + len(skipped) > width:
                lines.append(second)
                second = R.plain(skipped, "$text-warning")
            else:
                second = second + R.plain(" · " + skipped, "$text-warning")
        lines.append(second)
        if explorer.index_problem:
            lines.append(R.plain(explorer.index_problem, "$text-warning"))
        for w in corpus.warnings[:3]:
            lines.append(R.plain("warning: " + w, "$text-warning"))
        if tall:
            lines.append(Content(""))

        groups = explorer.entities_by_type()
        # as many type columns as fit at 18+ cells each (people and organisations first)
        n_cols = max(1, min(len(groups), width // 18))
        col_width = max(18, width // n_cols)
        rows = 5 if tall else (3 if medium else 2)
        lines.append(R.plain("Top entities", "bold"))
        columns = []
        shown = [e for es in list(groups.values())[:n_cols] for e in es[:rows]]
        count_width = max((len(f" {len(e.mentions)}") for e in shown), default=2)
        labels = R.distinct_labels(shown, col_width - 3 - count_width)
        for etype, entities in list(groups.items())[:n_cols]:
            col = [R.join((f"{TYPE_LABELS.get(etype, etype)}", R.ENTITY.get(etype, "") + " bold"))]
            for e in entities[:rows]:
                count = f" {len(e.mentions)}"
                name = labels[e.id]
                col.append(R.join((R.TYPE_ICON.get(etype, "·") + " ", R.ENTITY.get(etype, "")),
                                  R.plain(name), (count, R.DIM)))
            if not entities:
                col.append(R.plain("none found", R.DIM))
            columns.append(col)
        depth = max(len(c) for c in columns)
        for row in range(depth):
            line = Content("")
            for col in columns:
                cell = col[row] if row < len(col) else Content("")
                line = line + cell.pad_right(max(1, col_width - cell.cell_length))
            lines.append(line.rstrip())
        if tall:
            lines.append(Content(""))

        per_year = explorer.meetings_per_year()
        if medium:
            lines.append(R.plain("Meetings per year", "bold"))
            top = max((n for _y, n in per_year), default=0)
            bar_width = max(6, min(24, width - 20))
            for year, n in per_year:
                label = str(year) if year is not None else "undated"
                lines.append(R.join((f"  {label:>7} ", R.DIM), (R.bar(n, top, bar_width), "$text-primary"),
                                    (f" {n}", "bold")))
            if not per_year:
                lines.append(R.plain("  no meetings found", R.DIM))
        else:
            # one line: the list below keeps its room on a short terminal
            years = " · ".join(f"{y if y is not None else 'undated'} {n}" for y, n in per_year)
            lines.append(R.join(("Meetings per year: ", "bold"), R.plain(R.clip(years or "none found",
                                                                              max(10, width - 19)), R.DIM)))
        if tall:
            lines.append(Content(""))
            lines.append(R.plain(R.clip("/ search · t timeline · e entities · enter opens · ? every key · "
                                        "ctrl+p commands", width), R.DIM))
        return Content("\n").join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "overview-articles" and event.option.id:
            event.stop()
            self.app.open_article(event.option.id)
