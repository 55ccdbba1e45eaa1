"""Small correction dialogs: ``C`` on an entity, a quote, a meeting, a figure or an
article header opens one; ``enter`` applies at once (written to the corrections
file, the explorer redrawn without a reload), ``escape`` leaves, ``ctrl+d`` says
"this is not one" (drop). Each dialog shows the fact's evidence first: the rule
that decided it, the sentence it came from, and what was corrected already.

The corrections themselves are made by ``kemnaker_tui.corrections.build`` (the
same code as ``kemnaker-tui correct``); these screens only ask."""
from __future__ import annotations

import datetime as dt
import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kemnaker_tui.model import ENTITY_TYPES, Article, Entity, Figure, Meeting, Quote, mentions_in
from kemnaker_tui.ui import render as R

NOT_ONE = "__drop__"
NOBODY = "__nobody__"


def evidence(explorer, fact) -> Content:
    """The fact's evidence in two lines at most: '?' when the rules are unsure, the rule, the correction."""
    why = " ".join((getattr(fact, "why", "") or "").split())
    unsure = getattr(fact, "unsure", False)
    parts = []
    if unsure:
        parts.append(("? unsure — check it first  ", "bold $text-warning"))
    parts.append((why or "no reason recorded by the analysis", R.DIM))
    return R.join(*parts)


def parse_date(text: str) -> str:
    """'2023-06-12', '12/6/2023' or '12-06-2023' -> ISO; '' or 'none' -> ''. ValueError otherwise."""
    text = text.strip()
    if text.casefold() in ("", "none", "-"):
        return ""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    return dt.date.fromisoformat(text).isoformat()


class CorrectDialog(ModalScreen[None]):
    """What every dialog shares: a title, the evidence, fields, an error line."""

    DEFAULT_CSS = """
    CorrectDialog { align: center middle; }
    CorrectDialog > Vertical { width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1; }
    CorrectDialog .correct-title { text-style: bold; color: $text-primary; }
    CorrectDialog .correct-help { color: $text-muted; }
    CorrectDialog .correct-error { color: $text-error; }
    CorrectDialog OptionList { height: auto; max-height: 10; }
    CorrectDialog Input { margin: 0; }
    """
    BINDINGS = [
        Binding("escape", "dismiss_dialog", "Cancel", id="correct.cancel"),
        Binding("ctrl+d", "drop", "Not one (drop)", id="correct.drop", priority=True),  # over the Input's ctrl+d
    ]
    title_text = "Correct"
    help_text = "enter applies · escape cancels · ctrl+d: this is not one"

    def __init__(self, explorer, fact) -> None:
        super().__init__()
        self.explorer = explorer
        self.fact = fact

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(R.plain(self.title_text), classes="correct-title")
            yield Static(self.describe(), classes="correct-what")
            yield Static(evidence(self.explorer, self.fact), classes="correct-why")
            yield from self.fields()
            yield Static("", classes="correct-error", id="correct-error")
            yield Static(R.plain(self.help_text), classes="correct-help")

    def describe(self) -> Content:
        return Content("")

    def fields(self) -> ComposeResult:
        return iter(())

    def action_dismiss_dialog(self) -> None:
        self.dismiss(None)

    def error(self, message: str) -> None:
        self.query_one("#correct-error", Static).update(R.plain(message))

    def anchor(self, fact=None):
        from kemnaker_tui.corrections.build import fact_anchor
        return fact_anchor(self.explorer.corpus, fact if fact is not None else self.fact)

    def find_entity(self, name: str, types=None) -> Entity:
        from kemnaker_tui.corrections.build import find_entity
        return find_entity(self.explorer.corpus, name, types)

    def submit(self, items: list[tuple[str, object, dict]]) -> None:
        if not items:
            self.error("nothing changed")
            return
        if self.app.add_corrections(items):
            self.dismiss(None)

    def action_drop(self) -> None:
        if isinstance(self.fact, Article):
            self.error("an article cannot be dropped: correct its title, outlet or date")
            return
        self.submit([("drop", self.anchor(), {})])


class _Picker(OptionList):
    """An option list filtered by fuzzy matching as the user types in the Input above."""


def fuzzy_options(candidates: list[tuple[str, str, str]], typed: str, limit: int = 12) -> list[Option]:
    """(id, label, detail) candidates ranked by Textual's fuzzy matcher against ``typed``."""
    if typed.strip():
        matcher = Matcher(typed.strip())
        scored = [(matcher.match(c[1]), i, c) for i, c in enumerate(candidates)]
        ranked = [c for score, _i, c in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0]
    else:
        ranked = list(candidates)
    return [Option(R.join(R.plain(label), (f"  {detail}" if detail else "", R.DIM)), id=oid)
            for oid, label, detail in ranked[:limit]]


class QuoteDialog(CorrectDialog):
    """Who said it: the article's people, fuzzy-matched as you type; or nobody; or not a quote."""
    title_text = "Correct the speaker of this quote"
    help_text = "type to find a person · ↓ and enter picks · ctrl+d: not a quote · escape cancels"

    def describe(self) -> Content:
        q: Quote = self.fact
        words = q.text if len(q.text) <= 200 else q.text[:199] + "…"
        return R.join((f"“{words}”\n", R.QUOTE), ("now: ", R.DIM), (q.speaker or "unattributed", R.SPEAKER))

    def candidates(self) -> list[tuple[str, str, str]]:
        q: Quote = self.fact
        here, elsewhere = [], []
        for e in self.explorer.corpus.entities:
            if e.type != "person":
                continue
            n = len(mentions_in(e.mentions, q.article))
            (here if n else elsewhere).append((e.id, e.name, f"{n} mention{'s' if n != 1 else ''} here" if n
                                               else f"{len(e.articles)} articles"))
        here.sort(key=lambda c: c[1])
        return here + elsewhere + [(NOBODY, "nobody named (unattributed)", "")]

    def fields(self) -> ComposeResult:
        yield Input(placeholder="person", id="correct-filter")
        yield _Picker(*fuzzy_options(self.candidates(), ""), id="correct-pick")

    def on_mount(self) -> None:
        self.query_one("#correct-filter", Input).focus()
        self.query_one(_Picker).highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        picker = self.query_one(_Picker)
        picker.set_options(fuzzy_options(self.candidates(), event.value))
        picker.highlighted = 0 if picker.option_count else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        picker = self.query_one(_Picker)
        if picker.highlighted is None:
            self.error("no person matches")
            return
        self.pick(picker.get_option_at_index(picker.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option.id)

    def pick(self, oid: str) -> None:
        if oid == NOBODY:
            self.submit([("speaker", self.anchor(), {})])
            return
        person = self.explorer.corpus.entity(oid)
        if person is None:
            self.error("that person is gone")
            return
        if person.id == self.fact.speaker_id:
            self.error(f"{person.name} is already the speaker")
            return
        self.submit([("speaker", self.anchor(), {"person": self.anchor(person)})])


class EntityDialog(CorrectDialog):
    """Rename, retype, merge into another entity (fuzzy), or drop."""
    title_text = "Correct this entity"
    help_text = ("enter in name/type renames or retypes · type in 'same as' and pick to merge · "
                 "split: FORM -> NAME moves the mentions printed so · ctrl+d: not an entity · escape cancels")

    def describe(self) -> Content:
        e: Entity = self.fact
        aliases = ", ".join(e.aliases[:8]) or "no other names"
        return R.join((R.TYPE_ICON.get(e.type, "·") + " " + e.name, R.ENTITY.get(e.type, "") + " bold"),
                      (f"  {e.type} · {len(e.mentions)} mentions\n", R.DIM), ("also: " + aliases, R.DIM))

    def fields(self) -> ComposeResult:
        e: Entity = self.fact
        yield Input(value=e.name, placeholder="name", id="correct-name")
        yield Input(value=e.type, placeholder=" | ".join(ENTITY_TYPES), id="correct-type")
        yield Input(placeholder="same as… (merge into another entity)", id="correct-merge")
        yield _Picker(id="correct-pick")
        yield Input(placeholder="split: FORM -> NAME (mentions printed as FORM become NAME)", id="correct-split")

    def on_mount(self) -> None:
        self.query_one("#correct-name", Input).focus()

    def candidates(self) -> list[tuple[str, str, str]]:
        e: Entity = self.fact
        return [(x.id, x.name, f"{x.type} · {len(x.mentions)} mentions")
                for x in self.explorer.corpus.entities if x.id != e.id]

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "correct-merge":
            picker = self.query_one(_Picker)
            picker.set_options(fuzzy_options(self.candidates(), event.value, limit=8) if event.value.strip() else [])
            picker.highlighted = 0 if picker.option_count else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        e: Entity = self.fact
        if event.input.id == "correct-split":
            self.split(event.value)
            return
        if event.input.id == "correct-merge":
            picker = self.query_one(_Picker)
            if picker.highlighted is None:
                self.error("no entity matches")
                return
            self.merge(picker.get_option_at_index(picker.highlighted).id)
            return
        items = []
        name = self.query_one("#correct-name", Input).value.strip()
        etype = self.query_one("#correct-type", Input).value.strip().casefold()
        if etype not in ENTITY_TYPES:
            self.error(f"type must be one of {', '.join(ENTITY_TYPES)}")
            return
        if not name:
            self.error("a name is needed")
            return
        if name != e.name:
            items.append(("rename", self.anchor(), {"name": name}))
        if etype != e.type:
            items.append(("retype", self.anchor(), {"type": etype}))
        self.submit(items)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.merge(event.option.id)

    def split(self, text: str) -> None:
        from kemnaker_tui.corrections.build import NotFound, split_values
        parts = [part.strip() for part in re.split(r"(->|=>|→)", text, maxsplit=1)]
        form, name = (parts[0], parts[2]) if len(parts) == 3 else ("", "")
        if not form or not name:
            self.error("write the split as FORM -> NAME, e.g. Anwar -> Anwar Usman")
            return
        e: Entity = self.fact
        if not any(m.text.casefold() == form.casefold() or form.casefold() in m.text.casefold().split()
                   for m in e.mentions):
            self.error(f"{e.name} has no mention printed as {form!r}")
            return
        try:
            values = split_values(e, name, None, [form], [])
        except NotFound as exc:
            self.error(str(exc))
            return
        self.submit([("split", self.anchor(), values)])

    def merge(self, into_id: str) -> None:
        into = self.explorer.corpus.entity(into_id)
        if into is None:
            self.error("that entity is gone")
            return
        self.submit([("merge", self.anchor(), {"into": self.anchor(into)})])


class _FormDialog(CorrectDialog):
    """Fields prefilled with the analysis's values; enter applies the ones changed."""
    FIELDS: tuple[tuple[str, str], ...] = ()      # (key, placeholder)

    def values(self) -> dict[str, str]:
        raise NotImplementedError

    def fields(self) -> ComposeResult:
        now = self.values()
        for key, placeholder in self.FIELDS:
            yield Static(R.plain(placeholder, R.DIM))
            yield Input(value=now.get(key, ""), placeholder=placeholder, id=f"correct-{key}")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def changed(self) -> dict[str, str]:
        now = self.values()
        out = {}
        for key, _p in self.FIELDS:
            value = self.query_one(f"#correct-{key}", Input).value.strip()
            if value != now.get(key, ""):
                out[key] = value
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # (Textual calls a handler of every class in the MRO: subclasses override ``submitted``)
        self.submitted(event)

    def submitted(self, event: Input.Submitted) -> None:
        try:
            items = self.build(self.changed())
        except ValueError as exc:
            self.error(str(exc))
            return
        self.submit(items)


class MeetingDialog(_FormDialog):
    title_text = "Correct this meeting"
    help_text = "enter applies what you changed · ctrl+d: not a meeting · escape cancels"
    FIELDS = (("date", "date (YYYY-MM-DD or DD/MM/YYYY; none: not stated)"), ("place", "place"),
              ("participants", "participants, separated by ';' (names or ids)"))

    def fields(self) -> ComposeResult:
        yield from super().fields()
        yield Static(R.plain("same event as… (another article's meeting: type a date, a name or an outlet)", R.DIM))
        yield Input(placeholder="same event as…", id="correct-same")
        yield _Picker(id="correct-pick")

    def candidates(self) -> list[tuple[str, str, str]]:
        m: Meeting = self.fact
        out = []
        for other in self.explorer.corpus.meetings:
            if other.id == m.id or other.article == m.article:
                continue
            date = other.date.isoformat() if other.date else "no date"
            outlet = self.explorer.article(other.article).outlet or other.article
            out.append((other.id, f"{date} {', '.join(other.participants[:3])} {other.place or ''}".strip(),
                        f"{outlet} · {other.id}"))
        return out

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "correct-same":
            picker = self.query_one(_Picker)
            picker.set_options(fuzzy_options(self.candidates(), event.value, limit=8) if event.value.strip() else [])
            picker.highlighted = 0 if picker.option_count else None

    def submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "correct-same":
            super().submitted(event)
            return
        picker = self.query_one(_Picker)
        if picker.highlighted is None:
            self.error("no other meeting matches")
            return
        self.same_as(picker.get_option_at_index(picker.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.same_as(event.option.id)

    def same_as(self, other_id: str) -> None:
        other = next((x for x in self.explorer.corpus.meetings if x.id == other_id), None)
        if other is None:
            self.error("that meeting is gone")
            return
        self.submit([("meeting-merge", self.anchor(), {"into": self.anchor(other)})])

    def describe(self) -> Content:
        m: Meeting = self.fact
        article = self.explorer.article(m.article)
        told = " ".join(article.text[m.start:m.end].split())
        told = told if len(told) <= 400 else told[:399] + "…"
        return R.join((f"{m.kind} · {article.outlet or m.article}\n", R.DIM), (told, ""))

    def values(self) -> dict[str, str]:
        m: Meeting = self.fact
        return {"date": m.date.isoformat() if m.date else "", "place": m.place or "",
                "participants": "; ".join(m.participants)}

    def build(self, changed: dict[str, str]) -> list:
        from kemnaker_tui.corrections.build import NotFound
        from kemnaker_tui.corrections.model import Anchor
        values: dict = {}
        if "date" in changed:
            try:
                values["date"] = parse_date(changed["date"])
            except ValueError:
                raise ValueError(f"not a date: {changed['date']!r} (write 2023-06-12 or 12/06/2023)") from None
        if "place" in changed:
            values["place"] = changed["place"]
        if "participants" in changed:
            people = []
            for name in (n.strip() for n in changed["participants"].split(";")):
                if not name:
                    continue
                try:
                    people.append(self.anchor(self.find_entity(name)))
                except NotFound as exc:
                    if "answer to" in str(exc):
                        raise ValueError(str(exc)) from None
                    people.append(Anchor("entity", name=name))
            values["participants"] = people
        return [("meeting", self.anchor(), values)] if values else []


class FigureDialog(_FormDialog):
    title_text = "Correct this figure"
    help_text = "enter applies what you changed · ctrl+d: not a figure · escape cancels"
    FIELDS = (("value", "value (a number)"), ("unit", "unit"), ("claimant", "claimed by (name or id)"))

    def describe(self) -> Content:
        f: Figure = self.fact
        sentence = " ".join(self.explorer.article(f.article).slice(f.sentence).split())
        return R.join((f"{f.text}  ", "bold underline"), (sentence[:400], R.DIM))

    def values(self) -> dict[str, str]:
        f: Figure = self.fact
        value = f"{f.value:g}" if f.value == f.value else ""
        return {"value": value, "unit": f.unit or "", "claimant": f.claimed_by or ""}

    def build(self, changed: dict[str, str]) -> list:
        from kemnaker_tui.corrections.build import NotFound
        values: dict = {}
        if "value" in changed:
            try:
                values["value"] = float(changed["value"].replace(",", ""))
            except ValueError:
                raise ValueError(f"not a number: {changed['value']!r}") from None
        if "unit" in changed:
            values["unit"] = changed["unit"]
        if changed.get("claimant"):
            try:
                values["claimant"] = self.anchor(self.find_entity(changed["claimant"]))
            except NotFound as exc:
                raise ValueError(str(exc)) from None
        return [("figure", self.anchor(), values)] if values else []


class ArticleDialog(_FormDialog):
    title_text = "Correct this article's header"
    help_text = "enter applies what you changed · escape cancels"
    FIELDS = (("title", "title"), ("outlet", "outlet"), ("published", "published (YYYY-MM-DD or DD/MM/YYYY)"))

    def describe(self) -> Content:
        a: Article = self.fact
        return R.plain(a.path, R.DIM)

    def values(self) -> dict[str, str]:
        a: Article = self.fact
        return {"title": a.title, "outlet": a.outlet or "", "published": a.published.isoformat() if a.published else ""}

    def build(self, changed: dict[str, str]) -> list:
        values = dict(changed)
        if "published" in values:
            try:
                values["published"] = parse_date(values["published"])
            except ValueError:
                raise ValueError(f"not a date: {changed['published']!r}") from None
        if "title" in values and not values["title"]:
            raise ValueError("a title is needed")
        return [("article", self.anchor(), values)] if values else []


DIALOGS = {Quote: QuoteDialog, Entity: EntityDialog, Meeting: MeetingDialog, Figure: FigureDialog,
           Article: ArticleDialog}


def dialog_for(explorer, fact) -> CorrectDialog:
    return DIALOGS[type(fact)](explorer, fact)


def label_of(explorer, fact) -> str:
    if isinstance(fact, Quote):
        return f"quote: “{R.clip(fact.text, 60)}” — {fact.speaker or 'unattributed'}"
    if isinstance(fact, Entity):
        return f"{fact.type}: {fact.name}"
    if isinstance(fact, Meeting):
        return f"meeting: {fact.kind}, {fact.date.isoformat() if fact.date else 'no date'}, " \
               f"{', '.join(fact.participants[:3]) or 'participants not named'}"
    if isinstance(fact, Figure):
        return f"figure: {fact.text}" + (f" — {fact.claimed_by}" if fact.claimed_by else "")
    return f"article: {fact.title}"


class CorrectMenu(ModalScreen[object]):
    """``C`` where several facts stand (a sentence of an article): which one to correct."""

    DEFAULT_CSS = """
    CorrectMenu { align: center middle; }
    CorrectMenu > Vertical { width: 84; max-width: 95%; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1; }
    CorrectMenu OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss_menu", "Cancel", id="correct.cancel")]

    def __init__(self, explorer, facts: list) -> None:
        super().__init__()
        self.explorer = explorer
        self.facts = facts

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(R.plain("Correct what?", "bold $text-primary"))
            options = []
            for i, fact in enumerate(self.facts):
                mark = ""
                marks = self.explorer.correction_marks(getattr(fact, "id", None) or getattr(fact, "key", ""))
                if marks:
                    mark = "✎ "
                elif getattr(fact, "unsure", False):
                    mark = "? "
                options.append(Option(R.plain(mark + label_of(self.explorer, fact)), id=str(i)))
            yield OptionList(*options, id="correct-menu")
            yield Static(R.plain("enter opens its dialog · ? marks a fact the rules are unsure of · "
                                 "✎ one you corrected", R.DIM))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_dismiss_menu(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.facts[int(event.option.id)])      # the app opens its dialog once this menu is gone
