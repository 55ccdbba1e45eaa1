"""Search: one query box driving four tabbed result lists — Articles, Passages
(KWIC), Quotes, Figures — live as you type, with hit counts, highlighted
matches and a preview of the highlighted hit. Two panes can sit side by side
(``ctrl+s``) to compare queries.

The query runs in a thread worker (exclusive: a newer keystroke supersedes an
older query); results are applied on the UI thread, only to the visible tab —
the other tabs fill when shown.
"""
from __future__ import annotations

import time
from collections.abc import Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane, Tab
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import Explorer
from kemnaker_tui.ui.searching import KINDS
from kemnaker_tui.ui.widgets.keylist import KeyList

LABELS = {"articles": "Articles", "passages": "Passages", "quotes": "Quotes", "figures": "Figures"}
# a pane narrower than NARROW_TABS columns (80 columns, or a split view) shows all four tabs
# with short names rather than pushing the last ones out of sight
SHORT_LABELS = {"articles": "Art.", "passages": "Pass.", "quotes": "Quot.", "figures": "Fig."}
NARROW_TABS = 64
LIMIT = 200
INLINE_MS = 60.0  # a query (with its visible rows) slower than this moves the next one to a thread
COUNT_WIDTH = 5  # "9,999" (wider counts push the label, which is fine)
HINT = ('words (typos ok) · "exact phrase" · a OR b · -exclude · person:anwar org:jcci '
        'speaker:anwar outlet:jpnn year:2024 lang:en from:2023-01 to:2024 in:quotes')
EMPTY = "everything, newest first — type to search · "
KIND_WORDS = {"articles": ("article", "articles"), "passages": ("passage", "passages"),
              "quotes": ("quote", "quotes"), "figures": ("figure", "figures")}


class QueryInput(Input):
    """The query box. Textual's Input grows its virtual size with every
    keystroke, and a virtual-size change lays out the whole screen; the box
    scrolls its one line itself, so the size is set without that layout pass."""

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)


class HitList(KeyList):
    def __init__(self, kind: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = kind

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value + self.size.height >= self.virtual_size.height - 2:
            pane = next((a for a in self.ancestors if isinstance(a, SearchPane)), None)
            if pane is not None:
                pane.more(self.kind)


class SearchPane(Vertical):
    """One query box and its results."""

    BINDINGS = [
        Binding("y", "copy", "Copy + cite", id="copy"),
        Binding("a", "add_to_basket", "Add to basket", id="basket.add"),
        Binding("right_square_bracket", "next_tab", "Next tab", id="search.next_tab", show=False),
        Binding("left_square_bracket", "previous_tab", "Previous tab", id="search.previous_tab", show=False),
    ]

    mode = "auto"   # "inline" | "thread" | "auto": inline while queries stay under INLINE_MS

    class ResultsShown(Message):
        """Posted after a query's results are on screen (the benchmark waits for it)."""

        def __init__(self, pane: "SearchPane", query: str, generation: int) -> None:
            super().__init__()
            self.pane, self.query, self.generation = pane, query, generation

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.explorer: Explorer | None = None
        self.results = None
        self.query_text = ""
        self.generation = 0
        self.shown_generation = 0
        self.search_ms = 0.0
        self._filled: set[str] = set()
        self._hits: dict[str, Sequence] = {k: () for k in KINDS}
        self._built: dict[str, int] = {}
        self._prebuilt = None
        self._last_ms = 0.0
        self._kind = "articles"          # the visible tab, readable from the search thread
        self._list_height = 20
        # the user picked the tab in view ([ ], a click, the palette): results never move it;
        # otherwise a tab with no hits gives way to the first tab that has some
        self._tab_chosen = False
        self._tab_counts: dict[str, int | None] = {}

    def compose(self) -> ComposeResult:
        # a focus change never selects the query: the next letter must not replace it
        yield QueryInput(placeholder="search: words, \"exact phrase\", -exclude, typos ok…", classes="query",
                         select_on_focus=False)
        yield Static(R.plain(HINT, R.DIM), classes="search-status")
        with TabbedContent(classes="result-tabs"):
            for kind in KINDS:
                with TabPane(LABELS[kind] + " " + " " * COUNT_WIDTH, id=f"{self.id}-{kind}"):
                    yield HitList(kind, classes="hit-list kwic" if kind == "passages" else "hit-list")
        yield Static(classes="preview")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def list_for(self, kind: str) -> HitList:
        return self.query_one(f"#{self.id}-{kind} HitList", HitList)

    @property
    def active_kind(self) -> str:
        active = self.query_one(TabbedContent).active or f"{self.id}-articles"
        return active.rsplit("-", 1)[-1]

    def on_mount(self) -> None:
        self.border_title = "Search" if self.id == "search-1" else "Search 2"
        self.watch(self.app, "entity_filter", lambda _v: self.run_query(), init=False)

    def load(self, explorer: Explorer) -> None:
        self.explorer = explorer
        self.run_query()

    # -- querying ---------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.run_query()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.list_for(self.active_kind).focus()

    def run_query(self) -> None:
        if self.explorer is None:
            return
        self.generation += 1
        query = self.query_text
        if not query.strip():
            self._tab_chosen = False           # a new search starts from the tabs as they come
        # an empty query lists everything of each kind, newest first (a user can browse)
        entity_ids = frozenset(self.app.entity_filter)
        if self.mode == "inline" or (self.mode == "auto" and self._last_ms < INLINE_MS):
            # Fast queries run on the UI thread as soon as the pending keys are
            # handled (a newer keystroke supersedes this one); a query slower
            # than INLINE_MS sends the next ones to a thread worker, so the UI
            # never stalls for long, and they come back once fast again.
            self.call_later(self._search_inline, self.generation, query, entity_ids)
        else:
            self._search(self.generation, query, entity_ids)

    def _search_inline(self, generation: int, query: str, entity_ids: frozenset[str]) -> None:
        if generation != self.generation:
            return
        done = self._compute(generation, query, entity_ids)
        if done is not None:
            self._apply(*done)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, generation: int, query: str, entity_ids: frozenset[str]) -> None:
        done = self._compute(generation, query, entity_ids)
        if done is not None and generation == self.generation:
            self.app.call_from_thread(self._apply, *done)

    def _compute(self, generation: int, query: str, entity_ids: frozenset[str]):
        """Search and build the visible rows (pure data → Content): no widget is touched."""
        started = time.perf_counter()
        try:
            results = self.explorer.index.search(query, limit=LIMIT, entity_ids=entity_ids,
                                                 include_boilerplate=False)
        except Exception as exc:  # noqa: BLE001 - the engine promises not to raise; still, show it
            results = None
            problem = f"search failed: {exc}"
        else:
            problem = None
        if generation != self.generation:
            return None
        prebuilt = None
        if results is not None:
            kind = self._kind
            hits = (getattr(results, kind, None) or ())[: self._page(kind)]     # only the rows shown
            try:
                prompts = [self._prompt(kind, hit) for hit in hits]
                preview = self._preview_content(kind, hits[0]) if hits else None
                prebuilt = (kind, prompts, preview)
            except Exception:  # noqa: BLE001 - fall back to building on the UI thread
                prebuilt = None
        ms = (time.perf_counter() - started) * 1000
        self._last_ms = ms
        return generation, query, results, ms, problem, prebuilt

    def _apply(self, generation: int, query: str, results, ms: float, problem: str | None = None,
               prebuilt=None) -> None:
        if generation != self.generation:
            return
        self._prebuilt = prebuilt
        self.results = results
        self.search_ms = ms
        self._filled.clear()
        for kind in KINDS:
            # the engine's lists as they are: rows are made when a page of them is shown
            self._hits[kind] = (getattr(results, kind, None) or ()) if results is not None else ()
        tabs = self.query_one(TabbedContent)
        counts = getattr(results, "counts", {}) or {}
        self._counts = {k: counts.get(k, len(self._hits[k])) for k in KINDS} if results is not None else {}
        for kind in KINDS:
            n = counts.get(kind, len(self._hits[kind]))
            self._set_tab_label(tabs, kind, n if results is not None else None)
        status = self.query_one(".search-status", Static)
        if results is None and problem is None:
            status.update(R.plain(HINT, R.DIM), layout=False)
        elif not query.strip() and not self.app.entity_filter and problem is None:
            status.update(R.plain(EMPTY + HINT, R.DIM), layout=False)
        else:
            problems = list(getattr(results, "problems", []) or []) + ([problem] if problem else [])
            total = sum(counts.get(k, 0) for k in KINDS)
            line = R.plain(f"{total:,} hits" + (f" in {ms:.1f} ms" if self.app.show_timings else ""), R.DIM)
            if problems:
                line = line + R.plain("  ⚠ " + "; ".join(problems), "$text-warning")
            status.update(line, layout=False)
        kind = self.active_kind
        if results is not None and not self._tab_chosen and not self._counts.get(kind):
            first = next((k for k in KINDS if self._counts.get(k)), None)
            if first is not None:
                # this tab has nothing, another has: show that one (the user did not pick this tab)
                self._kind = first
                tabs.active = f"{self.id}-{first}"
                self._prebuilt = None if (prebuilt and prebuilt[0] != first) else self._prebuilt
                kind = first
        self._fill(kind)
        self.shown_generation = generation
        self.post_message(self.ResultsShown(self, query, generation))

    def _set_tab_label(self, tabs: TabbedContent, kind: str, n: int | None, layout: bool = False) -> None:
        """Counts in the tab labels, padded to a fixed width so a new count
        repaints the tab without a layout pass (a layout repaints everything)."""
        self._tab_counts[kind] = n
        narrow = 0 < self.size.width < NARROW_TABS
        text = ((SHORT_LABELS if narrow else LABELS)[kind] + " "
                + (f"{n:,}" if n is not None else "").ljust(3 if narrow else COUNT_WIDTH))
        tab = tabs.get_tab(f"{self.id}-{kind}")
        if tab.label.plain != text:
            tab._label = Content(text)
            Static.update(tab, tab._label, layout=layout)

    # -- lists -----------------------------------------------------------------
    def _fill(self, kind: str) -> None:
        if kind in self._filled:
            return
        self._filled.add(kind)
        lst = self.list_for(kind)
        hits = self._hits[kind]
        prebuilt, self._prebuilt = self._prebuilt, None
        if prebuilt is not None and prebuilt[0] == kind:
            prompts = prebuilt[1]
        else:
            prompts = [self._prompt(kind, hit) for hit in hits[: self._page(kind)]]
            prebuilt = None
        self._built[kind] = len(prompts)
        options = [Option(prompt, id=f"{kind}:{i}") for i, prompt in enumerate(prompts)]
        if not options:
            options = [Option(self._no_hits_text(kind), disabled=True)]
        elif len(hits) > len(prompts):
            options.append(self._more_row(kind))
        lst.set_options(options)
        lst.highlighted = 0 if hits else None
        if prebuilt is not None:
            self._show_preview(prebuilt[2])
        else:
            self._preview(kind)

    def _no_hits_text(self, kind: str) -> Content:
        """ "no quotes — 4 articles · 2 passages ([ ] switches)": where the hits are."""
        if self.results is None:
            return R.plain("type a query above", R.DIM)
        counts = getattr(self, "_counts", {}) or {}
        elsewhere = [f"{n:,} {KIND_WORDS[k][n != 1]}" for k in KINDS if k != kind and (n := counts.get(k))]
        text = f"no {KIND_WORDS[kind][1]}"
        if elsewhere:
            text += " — " + " · ".join(elsewhere) + "  ([ ] switch tabs)"
        return R.plain(text, R.DIM)

    def _page(self, kind: str) -> int:
        """Rows to build now: a screenful (article and quote rows take two lines)."""
        rows = max(10, self._list_height)
        return (rows // 2 + 3) if kind in ("articles", "quotes", "figures") else rows + 3

    def on_resize(self) -> None:
        try:
            self._list_height = self.list_for(self.active_kind).size.height or self._list_height
            narrow = 0 < self.size.width < NARROW_TABS
            if narrow != getattr(self, "_narrow_tabs", False):
                self._narrow_tabs = narrow
                tabs = self.query_one(TabbedContent)
                for kind in KINDS:          # full or short tab names for the new width
                    self._set_tab_label(tabs, kind, self._tab_counts.get(kind), layout=True)
        except Exception:  # noqa: BLE001 - not mounted yet
            pass

    def _more_row(self, kind: str) -> Option:
        left = len(self._hits[kind]) - self._built[kind]
        return Option(R.plain(f"… {left} more — move down or scroll to show them", R.DIM), disabled=True,
                      id=f"{kind}:more")

    def more(self, kind: str) -> None:
        """Build the next page of rows for ``kind`` (called near the list's end)."""
        hits = self._hits[kind]
        done = self._built.get(kind, 0)
        if kind not in self._filled or done >= len(hits):
            return
        lst = self.list_for(kind)
        upto = min(len(hits), done + self._page(kind) * 2)
        highlighted = lst.highlighted
        lst.remove_option(f"{kind}:more")
        new = [Option(self._prompt(kind, hit), id=f"{kind}:{i}") for i, hit in enumerate(hits[done:upto], done)]
        self._built[kind] = upto
        if upto < len(hits):
            new.append(self._more_row(kind))
        lst.add_options(new)
        if highlighted is not None:
            lst.highlighted = highlighted

    def _why(self, hit, kind: str) -> Content:
        """ "  ≈ Kemnekar: typo of kemnaker" when a hit matched other than as typed."""
        # the hit's own search (rows are built before the pane's results are replaced)
        query = getattr(getattr(hit, "_ctx", None), "query", None)
        explain = getattr(getattr(self.explorer, "index", None), "explain", None)
        if explain is None or query is None:
            return Content("")
        if kind == "articles":     # its snippet's highlights: its spans would scan the whole text
            tokens = [hit.snippet.text[s:e] for s, e in hit.snippet.highlights]
        else:
            text = self.explorer.article(hit.article).text
            tokens = [text[s.start:s.end] for s in hit.spans]
        seen, out = set(), []
        for token in tokens:
            if token.lower() in seen:
                continue
            seen.add(token.lower())
            reason = explain(query, token)
            if reason:
                out.append(f"{token}: {reason}")
        return R.plain("  ≈ " + "; ".join(out[:3]), R.DIM) if out else Content("")

    def _unit_date(self, hit) -> str:
        """The date shown on a row: the one the unit's citation uses (publication, else the
        event's, marked °)."""
        from kemnaker_tui.cite import source_date
        date, kind, _inferred = source_date(self.explorer.corpus, hit.article, hit.start)
        if date is None:
            return "no date   "
        return date.isoformat() + ("°" if kind == "event" else "")

    def _prompt(self, kind: str, hit) -> Content:
        explorer = self.explorer
        article = explorer.article(hit.article)
        date = article.published.isoformat() if article.published else self._unit_date(hit)
        # spans only where a row draws them (an article's are its whole text: the preview's job)
        spans = [(s.start, s.end) for s in hit.spans] if kind in ("passages", "quotes") else []
        if kind == "articles":
            head = R.join((R.clip(article.title, 90), "bold"), (f"  {article.outlet or ''} {date}", R.DIM))
            snippet = R.highlighted(hit.snippet.text, hit.snippet.highlights)
            return head + Content("\n") + R.join(("  ", ""), snippet, self._why(hit, kind))
        if kind == "passages":
            centre = spans[0] if spans else (hit.start, hit.end)
            line = R.kwic(article.text, centre[0], centre[1], spans, left=36, right=70)
            return R.join((date + " ", R.DIM), line)
        if kind == "quotes":
            quote = explorer.quote(hit.ref_id, hit.article)
            text = article.text[quote.start:quote.end] if quote else hit.snippet.text
            base = quote.start if quote else 0
            rel = [(s - base, e - base) for s, e in spans] if quote else list(hit.snippet.highlights)
            body = R.join(("“", R.QUOTE), R.highlighted(R.clip(text, 400) if len(text) > 400 else text, rel),
                          ("”", R.QUOTE))
            speaker = (quote.speaker if quote and quote.speaker else "unattributed")
            cut = " […]" if quote is not None and quote.unterminated else ""
            return body + Content("\n") + R.join(("  — ", R.DIM), (speaker, R.SPEAKER),
                                                 (f"  {article.outlet or ''} {date}{cut}", R.DIM),
                                                 self._why(hit, kind))
        figure = explorer.figure(hit.ref_id, hit.article)
        head = R.join((figure.text if figure else "", "bold $text-accent"),
                      (f"  = {figure.display_value}{' ' + figure.unit if figure and figure.unit else ''}" if figure else "", R.DIM),
                      (f"  {article.outlet or ''} {date}", R.DIM))
        return head + Content("\n") + R.join(("  ", ""), R.highlighted(hit.snippet.text, hit.snippet.highlights))

    def correction_facts(self) -> list:
        """C on a hit: its quote or figure, else the facts of its passage, then its article."""
        kind, hit = self.current_hit()
        if hit is None or self.explorer is None:
            return []
        fact = self.explorer.quote(hit.ref_id, hit.article) if kind == "quotes" else (
            self.explorer.figure(hit.ref_id, hit.article) if kind == "figures" else None)
        if fact is not None:
            return [fact]
        start = hit.spans[0].start if hit.spans else hit.start
        span = self.explorer.sentence_at(hit.article, start)
        facts = self.explorer.facts_in(hit.article, span.start, span.end) if span and kind == "passages" else []
        return facts + [self.explorer.article(hit.article)]

    def current_hit(self):
        kind = self.active_kind
        lst = self.list_for(kind)
        option = lst.highlighted_option
        if option is None or not option.id or option.id.endswith(":more"):
            return kind, None
        return kind, self._hits[kind][int(option.id.split(":")[1])]

    def _preview(self, kind: str | None = None) -> None:
        kind_now, hit = self.current_hit()
        self._show_preview(self._preview_content(kind_now, hit) if hit is not None else None)

    def _show_preview(self, content: Content | None) -> None:
        self.query_one(".preview", Static).update(content if content is not None else Content(""), layout=False)

    def _preview_content(self, kind: str, hit) -> Content:
        """The hit in its sentence (quotes and figures: their whole span), with metadata. Pure."""
        article = self.explorer.article(hit.article)
        span = self.explorer.sentence_at(hit.article, hit.spans[0].start if hit.spans else hit.start)
        start, end = (span.start, span.end) if span else (hit.start, hit.end)
        if kind in ("quotes", "figures"):
            start, end = min(start, hit.start), max(end, hit.end)
        start = max(0, start - 120)
        end = min(len(article.text), end + 120)
        rel = [(s.start - start, s.end - start) for s in hit.spans if start <= s.start and s.end <= end]
        why = self._why(hit, kind) if kind != "articles" else Content("")
        meta = R.join((R.clip(article.title, 100), "bold"),
                      (f"\n{article.outlet or 'unknown outlet'} · "
                       f"{article.published.isoformat() if article.published else self._unit_date(hit).strip()}"
                       f"{' · ' + article.dateline if article.dateline else ''} · {article.key}", R.DIM))
        lead = "…" if start else ""
        body = R.highlighted(lead + article.text[start:end] + ("…" if end < len(article.text) else ""),
                             [(s + len(lead), e + len(lead)) for s, e in rel])
        return meta + Content("\n") + body + ((Content("\n") + why) if why.plain else Content(""))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, HitList):
            event.stop()
            lst = event.option_list
            if lst.highlighted is not None and lst.highlighted >= lst.option_count - 4:
                self.more(lst.kind)
            self._preview()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if not isinstance(event.option_list, HitList):
            return
        event.stop()
        kind, hit = self.current_hit()
        if hit is None:
            return
        at = hit.spans[0].start if hit.spans else hit.start
        self.app.open_article(hit.article, at=at, hits=self.article_spans(hit.article), query=self.query_text)

    def article_spans(self, key: str) -> list[tuple[int, int]]:
        spans = set()
        for kind in KINDS:
            for hit in self._hits[kind]:
                if hit.article == key:
                    spans.update((s.start, s.end) for s in hit.spans)
        return sorted(spans)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._kind = self.active_kind
        self._fill(self.active_kind)
        self._preview()

    # -- actions ---------------------------------------------------------------
    def action_next_tab(self) -> None:
        self._cycle(1)

    def action_previous_tab(self) -> None:
        self._cycle(-1)

    def on_tab_clicked(self, event: Tab.Clicked) -> None:
        self._tab_chosen = True

    def _cycle(self, step: int) -> None:
        self._tab_chosen = True
        i = KINDS.index(self.active_kind)
        kind = KINDS[(i + step) % len(KINDS)]
        self.query_one(TabbedContent).active = f"{self.id}-{kind}"
        self.list_for(kind).focus()

    def action_copy(self) -> None:
        kind, hit = self.current_hit()
        if hit is None:
            self.app.notify("nothing to copy: no hit under the cursor", severity="warning")
            return
        if kind == "quotes" and hit.ref_id:
            self.app.copy_citation("quote", hit.article, quote_id=hit.ref_id)
        elif kind == "articles":
            self.app.copy_citation("article", hit.article)
        else:
            figure = self.explorer.figure(hit.ref_id, hit.article) if kind == "figures" else None
            if figure is not None:
                s = figure.sentence
                self.app.copy_citation("passage", hit.article, s.start, s.end)
            else:
                self.app.copy_citation("passage", hit.article, hit.start, hit.end)

    def action_add_to_basket(self) -> None:
        kind, hit = self.current_hit()
        if hit is None:
            self.app.notify("no hit under the cursor", severity="warning")
            return
        quote_id = hit.ref_id if kind == "quotes" else None
        if quote_id is None:
            q = self.explorer.quote_at(hit.article, hit.spans[0].start if hit.spans else hit.start)
            quote_id = q.id if q else None
        self.app.add_to_basket(quote_id)

    def palette_commands(self):
        from textual.app import SystemCommand
        kind, hit = self.current_hit()
        if hit is not None:
            yield SystemCommand("Copy hit with citation", "Copy the highlighted hit and its source (y)",
                                self.action_copy)
            yield SystemCommand("Open hit", "Open the article at this hit (enter)",
                                lambda: self.app.open_article(hit.article, at=hit.start,
                                                              hits=self.article_spans(hit.article),
                                                              query=self.query_text))
        for k in KINDS:
            if k != kind:
                yield SystemCommand(f"Show {LABELS[k]}", f"Switch the results to {LABELS[k].lower()}",
                                    lambda k=k: self.choose_tab(k))

    def choose_tab(self, kind: str) -> None:
        self._tab_chosen = True
        self.query_one(TabbedContent).active = f"{self.id}-{kind}"


class SearchView(Horizontal):
    """One search pane, or two side by side."""

    BINDINGS = [Binding("ctrl+s", "split", "Split", id="search.split")]

    def compose(self) -> ComposeResult:
        yield SearchPane(id="search-1")
        second = SearchPane(id="search-2")
        second.display = False
        yield second

    @property
    def is_split(self) -> bool:
        return bool(self.query_one("#search-2", SearchPane).display)

    @property
    def panes(self) -> list[SearchPane]:
        return [p for p in self.query(SearchPane) if p.display]

    def load(self, explorer: Explorer) -> None:
        for pane in self.query(SearchPane):
            pane.load(explorer)

    def focus_query(self) -> None:
        focused = self.app.focused
        for pane in self.panes:
            if focused is not None and pane in focused.ancestors_with_self:
                pane.input.focus()
                return
        self.query_one("#search-1", SearchPane).input.focus()

    def action_split(self) -> None:
        second = self.query_one("#search-2", SearchPane)
        second.display = not second.display
        self.set_class(second.display, "split")
        sidebar = self.screen.query("#sidebar")
        if sidebar and self.app.size.width < 160:
            sidebar.first().display = not second.display
        if second.display:
            second.input.focus()
        else:
            self.query_one("#search-1", SearchPane).input.focus()

    def palette_commands(self):
        from textual.app import SystemCommand
        second = self.query_one("#search-2", SearchPane)
        yield SystemCommand("Close the second search" if second.display else "Split search",
                            "Compare two queries side by side (ctrl+s)", self.action_split)
