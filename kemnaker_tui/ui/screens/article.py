"""One article: a header (title, outlet, publication date, dateline, language)
and the body with entities coloured by type, quotes with their speakers,
figures underlined, boilerplate dimmed (``H`` hides it), search hits
highlighted (``n``/``N``) and a sentence cursor (``j``/``k``) that ``y`` copies."""
from __future__ import annotations

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from kemnaker_tui.model import Figure, Meeting
from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import Explorer
from kemnaker_tui.ui.widgets.article_body import ArticleBody


class ArticleScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("n", "next_hit", "Next hit", id="article.next_hit"),
        Binding("N", "previous_hit", "Prev hit", id="article.previous_hit"),
        Binding("j,down", "cursor(1)", "Next sentence", id="article.down", show=False),
        Binding("k,up", "cursor(-1)", "Previous sentence", id="article.up", show=False),
        Binding("g,home", "top", "Top", id="article.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="article.bottom", show=False),
        Binding("y", "copy", "Copy + cite", id="copy"),
        Binding("c", "copy_article", "Cite article", id="article.cite", show=False),
        Binding("a", "add_to_basket", "Add quote", id="basket.add"),
        Binding("H", "toggle_boilerplate", "Hide boilerplate", id="article.boilerplate"),
        Binding("C", "app.correct", "Correct", id="correct"),
    ]

    def __init__(self, explorer: Explorer, key: str, at: int | None = None,
                 hits: list[tuple[int, int]] | None = None, query: str | None = None) -> None:
        super().__init__()
        self.explorer = explorer
        self.article = explorer.article(key)
        self.at = at
        self.hits = hits or []
        self.query_text = query

    def compose(self) -> ComposeResult:
        yield Static(self.header(), id="article-header")
        yield Static(self.legend(), id="article-legend")
        yield ArticleBody(self.explorer, self.article, hits=self.hits, at=self.at, id="article-body")
        yield Static(id="article-status")
        yield Footer()

    def header(self) -> Content:
        a = self.article
        fixed = self.explorer.correction_marks(a.key)
        # a title made from the lead sentence is not the headline: say so
        title = (R.join(("(no headline) ", R.DIM), (R.clip(a.title, 120), R.DIM))
                 if getattr(a, "title_derived", False) else R.plain(a.title, R.TITLE))
        lines = [R.join(title, ("  ✎ corrected" if fixed else "", "bold $text-warning"))]
        bits = [a.outlet or "unknown outlet",
                ("published " + a.published.isoformat()) if a.published else (a.published_text or "no publication date"),
                ("dateline " + a.dateline) if a.dateline else None,
                {"id": "Bahasa Indonesia", "en": "English"}.get(a.language, a.language)]
        lines.append(R.plain(" · ".join(b for b in bits if b), R.DIM))
        lines.append(R.plain((a.url + " · " if a.url else "") + a.path, R.DIM))
        return Content("\n").join(lines)

    @staticmethod
    def legend() -> Content:
        """What the colours mean (hidden on a short terminal: the text needs the rows)."""
        return R.join(*[(R.TYPE_ICON[t] + " " + t + "  ", R.ENTITY[t]) for t in R.ENTITY],
                      ("“quote”", R.QUOTE), ("  speaker", R.SPEAKER), ("  figure", "underline"),
                      ("  boilerplate", R.BOILERPLATE))

    def on_resize(self, event) -> None:
        self.set_class(event.size.height < 32, "-short")

    def on_mount(self) -> None:
        body = self.query_one(ArticleBody)
        body.focus()
        if self.at is not None:
            self.call_after_refresh(body.scroll_to_offset, self.at)
            if self.hits:
                idx = next((i for i, (s, _e) in enumerate(self.hits) if s >= self.at), None)
                if idx is not None:
                    body.current_hit = idx
        self.update_status()

    @property
    def body(self) -> ArticleBody:
        return self.query_one(ArticleBody)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A key queued while the screen is still being built or already being
        # taken down finds no body: the action is skipped, not a crash.
        if self.is_attached and not self.query(ArticleBody):
            return False
        return True

    def update_status(self) -> None:
        body = self.body
        parts = []
        if body.hits:
            cur = (body.current_hit + 1) if body.current_hit is not None else 0
            parts.append(R.plain(f"hit {cur}/{len(body.hits)}", "bold"))
            if self.query_text:
                parts.append(R.plain(f" for {self.query_text!r}", R.DIM))
            parts.append(R.plain(" — n next, N previous", R.DIM))
        elif self.query_text:
            parts.append(R.plain(f"no hits for {self.query_text!r} in this article", R.DIM))
        if body.sentences:
            parts.append(R.plain(f"   sentence {body.cursor + 1}/{len(body.sentences)}", R.DIM))
            quote = self.explorer.quote_at(self.article.key, *self._cursor_range())
            if quote:
                parts.append(R.join(("   quote by ", R.DIM), (self.explorer.mark_of(quote), "bold $text-warning"),
                                    (quote.speaker or "unattributed", R.SPEAKER),
                                    (" — y copies it, a adds it to the basket, C corrects it", R.DIM)))
                # the one-line reason under the quote: the rule that chose its speaker, or the correction
                why = " ".join((quote.why or "").split())
                parts.append(Content("\n"))      # (R.plain keeps one line: the break is its own Content)
                parts.append(R.join(("   why: ", R.DIM), R.plain(R.clip(why or "no reason recorded", 160), R.DIM)))
            else:
                # no quote here: the sentence's meeting or figure, with its reason
                span = body.cursor_span()
                facts = [f for f in (self.explorer.facts_in(self.article.key, span.start, span.end) if span else [])
                         if isinstance(f, (Meeting, Figure))]
                if facts:
                    f = facts[0]
                    what = f"{f.kind} {f.date.isoformat() if f.date else '(no date)'}" if isinstance(f, Meeting) \
                        else f"figure {f.text}"
                    why = " ".join((f.why or "").split())
                    parts.append(Content("\n"))
                    parts.append(R.join(("   ", ""), (self.explorer.mark_of(f), "bold $text-warning"),
                                        (what + ": ", R.DIM),
                                        R.plain(R.clip(why or "no reason recorded", 150), R.DIM)))
        if body.hide_boilerplate:
            parts.append(R.plain("   boilerplate hidden", "$text-warning"))
        self.query_one("#article-status", Static).update(R.join(*parts) if parts else Content(""))

    def _cursor_range(self) -> tuple[int, int]:
        body = self.body
        if body.current_hit is not None:
            s, e = body.hits[body.current_hit]
            span = body.cursor_span()
            if span is None or span.start <= s < span.end:
                return s, e
        span = body.cursor_span()
        return (span.start, span.end) if span else (0, 0)

    # -- actions ----------------------------------------------------------------
    def action_next_hit(self) -> None:
        if self.body.goto_hit(True) is None:
            self.notify("no search hits in this article", severity="warning", timeout=2)
        self.update_status()

    def action_previous_hit(self) -> None:
        if self.body.goto_hit(False) is None:
            self.notify("no search hits in this article", severity="warning", timeout=2)
        self.update_status()

    def action_cursor(self, delta: int) -> None:
        body = self.body
        body.current_hit = None
        body.move_cursor(delta)
        self.update_status()

    def action_top(self) -> None:
        self.body.current_hit = None
        self.body.move_cursor(-len(self.body.sentences) or -1)
        self.body.scroll_home(animate=False)
        self.update_status()

    def action_bottom(self) -> None:
        self.body.current_hit = None
        self.body.move_cursor(len(self.body.sentences) or 1)
        self.body.scroll_end(animate=False)
        self.update_status()

    def action_toggle_boilerplate(self) -> None:
        self.body.hide_boilerplate = not self.body.hide_boilerplate
        self.update_status()

    def action_copy(self) -> None:
        start, end = self._cursor_range()
        quote = self.explorer.quote_at(self.article.key, start, end)
        if quote is not None:
            self.app.copy_citation("quote", self.article.key, quote_id=quote.id)
            return
        span = self.body.cursor_span()
        if span is None:
            self.app.copy_citation("article", self.article.key)
        else:
            self.app.copy_citation("passage", self.article.key, span.start, span.end)

    def action_copy_article(self) -> None:
        self.app.copy_citation("article", self.article.key)

    def action_add_to_basket(self) -> None:
        quote = self.explorer.quote_at(self.article.key, *self._cursor_range())
        self.app.add_to_basket(quote.id if quote else None)

    def correction_facts(self) -> list:
        """The facts of the sentence under the cursor, then the article's header."""
        span = self.body.cursor_span()
        facts = self.explorer.facts_in(self.article.key, span.start, span.end) if span else []
        return facts + [self.article]

    def corrections_changed(self, explorer: Explorer) -> None:
        """Redrawn with the corrected corpus, the cursor where it was."""
        self.explorer = explorer
        self.article = explorer.article(self.article.key)
        body = self.body
        body.explorer, body.article = explorer, self.article
        body._restyle()
        body.refresh()
        self.query_one("#article-header", Static).update(self.header())
        self.update_status()

    def palette_commands(self):
        yield SystemCommand("Copy sentence or quote with citation", "What is under the cursor (y)", self.action_copy)
        yield SystemCommand("Copy article citation", "Title, outlet, date, URL (c)", self.action_copy_article)
        yield SystemCommand("Hide boilerplate" if not self.body.hide_boilerplate else "Show boilerplate",
                            "Related links, captions, share lines (H)", self.action_toggle_boilerplate)
        if self.body.hits:
            yield SystemCommand("Next hit", "n", self.action_next_hit)
            yield SystemCommand("Previous hit", "N", self.action_previous_hit)
        seen = set()
        for mark in self.explorer.marks.get(self.article.key, ()):
            if mark.entity_id in seen:
                continue
            seen.add(mark.entity_id)
            entity = self.explorer.corpus.entity(mark.entity_id)
            if entity:
                yield SystemCommand(f"Open entity: {entity.name}", f"{entity.type} named in this article",
                                    lambda eid=entity.id: self.app.open_entity(eid))
