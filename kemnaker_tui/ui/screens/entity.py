"""An entity's page: aliases, roles, the articles naming it, its quotes, and the
entities that share sentences with it (with those sentences). Every row opens
something with ``enter``; ``f`` filters the panes by this entity."""
from __future__ import annotations

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import Explorer
from kemnaker_tui.ui.widgets.keylist import KeyList


class PageList(KeyList):
    pass


class EntityScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("f,space", "filter", "Filter by it", id="entity.filter"),
        Binding("y", "copy", "Copy + cite", id="copy"),
        Binding("a", "add_to_basket", "Add quote", id="basket.add"),
        Binding("C", "app.correct", "Correct", id="correct"),
    ]

    def __init__(self, explorer: Explorer, entity_id: str) -> None:
        super().__init__()
        self.explorer = explorer
        self.entity = explorer.corpus.entity(entity_id)
        self.targets: dict[str, tuple] = {}

    def compose(self) -> ComposeResult:
        yield Static(self.header(), id="entity-header")
        yield PageList(*self.rows(), id="entity-page")
        yield Footer()

    def on_mount(self) -> None:
        lst = self.query_one(PageList)
        lst.focus()
        lst.highlighted = next((i for i, o in enumerate(lst.options) if not o.disabled), None)

    def header(self) -> Content:
        e = self.entity
        style = R.ENTITY.get(e.type, "")
        lines = [R.join((R.TYPE_ICON.get(e.type, "·") + " ", style), (e.name, style + " bold"),
                        (f" ({e.acronym})" if e.acronym and e.acronym != e.name else "", style),
                        (f"   {e.type} · {len(e.mentions)} mentions in "
                         f"{len(e.articles)} article{'s' if len(e.articles) != 1 else ''}", R.DIM))]
        aliases = [a for a in e.aliases if a != e.name]
        lines.append(R.join(("also: ", R.DIM), R.plain(", ".join(aliases) if aliases else "no other names")))
        if e.roles:
            lines.append(R.join(("roles: ", R.DIM), R.plain("; ".join(e.roles))))
        why = " ".join((e.why or "").split())
        if why or e.unsure:
            lines.append(R.join(("why: ", R.DIM), ("? unsure — " if e.unsure else "", "bold $text-warning"),
                                R.plain(R.clip(why or "no reason recorded", 200), R.DIM)))
        if e.id in self.app.entity_filter:
            lines.append(R.plain("filtering the panes (f to remove)", "$text-success"))
        return Content("\n").join(lines)

    def correction_facts(self) -> list:
        return [self.entity]

    def corrections_changed(self, explorer: Explorer) -> None:
        """Redrawn with the corrected corpus; an entity merged away shows the one it went into."""
        self.explorer = explorer
        entity = explorer.corpus.entity(self.entity.id)
        if entity is None:
            from kemnaker_tui.corrections.anchor import entity_mention_at
            m = self.entity.mentions[0] if len(self.entity.mentions) else None
            entity = entity_mention_at(explorer.corpus.entities, m.article, m.start, m.end) if m else None
        if entity is None:
            self.app.notify(f"{self.entity.name} is no longer an entity", severity="warning")
            self.app.pop_screen()
            return
        self.entity = entity
        self.targets = {}
        self.query_one("#entity-header", Static).update(self.header())
        lst = self.query_one(PageList)
        lst.set_options(self.rows())
        lst.highlighted = next((i for i, o in enumerate(lst.options) if not o.disabled), None)

    def rows(self) -> list[Option]:
        ex = self.explorer
        e = self.entity
        out: list[Option] = []

        def section(title: str, n: int) -> None:
            out.append(Option(R.join((f"{title} ", "bold $text-primary"), (str(n), R.DIM)), disabled=True))

        # Articles
        first_mention = {}
        for m in e.mentions:
            first_mention.setdefault(m.article, m)
        section("Articles", len(first_mention))
        for key, m in first_mention.items():
            a = ex.article(key)
            n = sum(1 for x in e.mentions if x.article == key)
            oid = f"a:{len(self.targets)}"
            self.targets[oid] = ("article", key, m.start, m.end, None)
            date = a.published.isoformat() if a.published else "no date   "
            out.append(Option(R.join((f"  {date} ", R.DIM), (R.clip(a.outlet or "—", 14).ljust(15), "$text-accent"),
                                     R.plain(R.clip(a.title, 90)), (f"  ×{n}", R.DIM)), id=oid))

        # Quotes
        quotes = ex.quotes_of(e)
        section("Quotes", len(quotes))
        for q in quotes:
            a = ex.article(q.article)
            oid = f"q:{len(self.targets)}"
            self.targets[oid] = ("quote", q.article, q.start, q.end, q.id)
            out.append(Option(R.join(("  “", R.QUOTE), (R.clip(q.text, 300), R.QUOTE), ("”", R.QUOTE),
                                     (f"  {a.outlet or ''} {a.published.isoformat() if a.published else ''}", R.DIM)),
                              id=oid))
        if not quotes:
            out.append(Option(R.plain("  no quotes attributed", R.DIM), disabled=True))

        # Co-occurring entities
        links = ex.cooccurring(e.id)
        section("Named in the same sentence", len(links))
        names = {n.casefold() for n in e.all_names}
        for link in links[:40]:
            o = link.other
            oid = f"e:{len(self.targets)}"
            self.targets[oid] = ("entity", o.id, 0, 0, None)
            out.append(Option(R.join(("  " + R.TYPE_ICON.get(o.type, "·") + " ", R.ENTITY.get(o.type, "")),
                                     (o.name, R.ENTITY.get(o.type, "") + " bold"),
                                     (f"  {len(link.sentences)} sentence{'s' if len(link.sentences) != 1 else ''}",
                                      R.DIM)), id=oid))
            for key, span in link.sentences[:3]:
                a = ex.article(key)
                text = a.text[span.start:span.end]
                marks = [(mk.start - span.start, mk.end - span.start) for mk in ex.marks.get(key, ())
                         if span.start <= mk.start < span.end and (mk.entity_id in (e.id, o.id))]
                oid = f"s:{len(self.targets)}"
                self.targets[oid] = ("passage", key, span.start, span.end, None)
                out.append(Option(R.join(("      ", ""), R.highlighted(R.clip(text, 400) if len(text) > 400 else text,
                                                                        marks)), id=oid))
        if not links:
            out.append(Option(R.plain("  no other entity shares a sentence", R.DIM), disabled=True))
        del names
        return out

    def current(self):
        option = self.query_one(PageList).highlighted_option
        return self.targets.get(option.id) if option is not None and option.id else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is None:
            return
        kind, key, start, end, _ref = target
        if kind == "entity":
            self.app.open_entity(key)
        else:
            self.app.open_article(key, at=start, hits=[(start, end)] if kind != "article" else
                                  [(m.start, m.end) for m in self.entity.mentions if m.article == key])

    def action_filter(self) -> None:
        self.app.toggle_entity_filter(self.entity.id)
        self.query_one("#entity-header", Static).update(self.header())

    def action_copy(self) -> None:
        target = self.current()
        if target is None:
            return
        kind, key, start, end, ref = target
        if kind == "quote":
            self.app.copy_citation("quote", key, quote_id=ref)
        elif kind == "passage":
            self.app.copy_citation("passage", key, start, end)
        elif kind == "article":
            self.app.copy_citation("article", key)
        else:
            self.app.notify("nothing to copy on this row", severity="warning")

    def action_add_to_basket(self) -> None:
        target = self.current()
        quote_id = target[4] if target and target[0] == "quote" else None
        self.app.add_to_basket(quote_id)

    def palette_commands(self):
        e = self.entity
        yield SystemCommand(("Remove filter: " if e.id in self.app.entity_filter else "Filter by: ") + e.name,
                            "Every pane and the timeline (f)", self.action_filter)
        yield SystemCommand("Copy row with citation", "Quote, sentence or article under the cursor (y)",
                            self.action_copy)
