"""`kemnaker-tui correct …`: fix a fact of the analysis; the fix is written to the
corrections file (``--corrections FILE``, default corrections.toml in the config
folder) and applied by every command and the explorer from then on.

    correct merge ENTITY INTO            correct split ENTITY --name NEW --form F | --mention KEY:START
    correct rename ENTITY NEW_NAME       correct retype ENTITY TYPE
    correct speaker QUOTE_ID PERSON      (PERSON "none": nobody said it)
    correct drop ID                      (an entity, quote, meeting or figure)
    correct meeting ID [--date D] [--place P] [--participants "A; B"] [--same-as MEETING_ID]
    correct figure ID [--value V] [--unit U] [--claimant PERSON]
    correct article KEY [--title T] [--outlet O] [--published D]
    correct list                         correct undo [N]

Entities by id or by name; a name that several entities answer to is an error
listing them. Every action takes PATH... (default: the bundled corpus): the
corpus the ids and names are looked up in.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from kemnaker_tui.commands.common import add_json, add_paths, fail
from kemnaker_tui.model import ENTITY_TYPES

ACTIONS = {
    "merge": "ENTITY and INTO are one: INTO keeps every name and mention of both",
    "split": "move some mentions of ENTITY to another entity (new or existing)",
    "rename": "show ENTITY under another name (the old one stays an alias)",
    "retype": "ENTITY is a person, organisation, program or place",
    "speaker": "who said a quote (PERSON: id or name; none: nobody named)",
    "drop": "an entity, quote, meeting or figure that is not one",
    "meeting": "a meeting's date, place or participants; --same-as joins two tellings of one event",
    "figure": "a figure's value, unit or claimant",
    "article": "an article's title, outlet or publication date",
    "list": "the corrections, with the ones that found nothing to apply to and why",
    "undo": "take back the last N corrections (kept in the file as undone)",
}


def _date(text: str) -> str:
    if text in ("", "none"):
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write YYYY-MM-DD, or none)") from None


def _mention(text: str) -> tuple[str, int]:
    key, _, start = text.rpartition(":")
    if not key or not start.isdigit():
        raise argparse.ArgumentTypeError(f"not a mention: {text!r} (write ARTICLE:START, e.g. a.txt:120)")
    return key, int(start)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = {name: sub.add_parser(name, help=text, description=text) for name, text in ACTIONS.items()}
    p["merge"].add_argument("entity", metavar="ENTITY")
    p["merge"].add_argument("into", metavar="INTO")
    p["split"].add_argument("entity", metavar="ENTITY")
    p["split"].add_argument("--name", required=True, help="the entity the mentions go to (made if new)")
    p["split"].add_argument("--type", choices=ENTITY_TYPES, default=None)
    p["split"].add_argument("--form", action="append", default=[],
                            help="every mention printed so (a full name also takes the surname-only "
                                 "mentions in the articles where it is printed); repeatable")
    p["split"].add_argument("--mention", action="append", default=[], type=_mention,
                            help="one mention, as ARTICLE:START (see `entities --why`); repeatable")
    p["rename"].add_argument("entity", metavar="ENTITY")
    p["rename"].add_argument("name", metavar="NEW_NAME")
    p["retype"].add_argument("entity", metavar="ENTITY")
    p["retype"].add_argument("type", metavar="TYPE", choices=ENTITY_TYPES)
    p["speaker"].add_argument("quote", metavar="QUOTE_ID")
    p["speaker"].add_argument("person", metavar="PERSON")
    p["drop"].add_argument("ident", metavar="ID")
    p["meeting"].add_argument("meeting", metavar="MEETING_ID")
    p["meeting"].add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (none: unknown)")
    p["meeting"].add_argument("--place", default=None)
    p["meeting"].add_argument("--participants", default=None,
                              help="entities (ids or names) separated by ';'")
    p["meeting"].add_argument("--same-as", default=None, metavar="MEETING_ID",
                              help="the same event told by another article")
    p["figure"].add_argument("figure", metavar="FIGURE_ID")
    p["figure"].add_argument("--value", type=float, default=None)
    p["figure"].add_argument("--unit", default=None)
    p["figure"].add_argument("--claimant", default=None, help="entity id or name")
    p["article"].add_argument("key", metavar="KEY")
    p["article"].add_argument("--title", default=None)
    p["article"].add_argument("--outlet", default=None)
    p["article"].add_argument("--published", type=_date, default=None, help="YYYY-MM-DD")
    p["undo"].add_argument("count", metavar="N", type=int, nargs="?", default=1)
    add_json(p["list"])
    for name, action in p.items():
        if name == "undo":
            from kemnaker_tui.commands.common import add_corrections
            add_corrections(action)
        else:
            add_paths(action)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.corrections import store
    from kemnaker_tui.corrections.build import NotFound
    if args.action == "undo":
        return _undo(args)
    if args.action == "list":
        return _list(args)
    from kemnaker_tui.commands.common import load_corpus
    corpus = load_corpus(args)
    try:
        kind, target, values = _build(args, corpus)
    except NotFound as exc:
        return fail(str(exc))
    try:
        correction = store.add(args.corrections, kind, target, values, by="cli")
    except (ValueError, OSError) as exc:
        return fail(f"cannot write the correction: {exc}")
    print(f"#{correction.n} {correction.describe()}")
    # apply it at once, so a correction that finds nothing says so now
    from kemnaker_tui.corrections import apply
    outcome = apply(corpus, [correction.with_(n=correction.n)])
    for orphan in outcome.orphans:
        print(f"kemnaker-tui: warning: #{correction.n} does not apply: {orphan.reason}", file=sys.stderr)
    return 0


def _build(args, corpus):
    from kemnaker_tui.corrections.build import NotFound, fact_anchor, find_entity, find_fact, find_of, split_values
    from kemnaker_tui.corrections.model import Anchor
    a = args.action
    if a == "merge":
        source, into = find_entity(corpus, args.entity), find_entity(corpus, args.into)
        if source.id == into.id:
            raise NotFound(f"{args.entity!r} and {args.into!r} are already one entity ({into.id})")
        return "merge", fact_anchor(corpus, source), {"into": fact_anchor(corpus, into)}
    if a == "split":
        e = find_entity(corpus, args.entity)
        return "split", fact_anchor(corpus, e), split_values(e, args.name, args.type, args.form, args.mention)
    if a == "rename":
        e = find_entity(corpus, args.entity)
        return "rename", fact_anchor(corpus, e), {"name": args.name}
    if a == "retype":
        e = find_entity(corpus, args.entity)
        return "retype", fact_anchor(corpus, e), {"type": args.type}
    if a == "speaker":
        q = find_of(corpus, args.quote, "quote")
        if args.person.casefold() in ("none", "-"):
            return "speaker", fact_anchor(corpus, q), {}
        person = find_entity(corpus, args.person, ("person", "organisation"))
        return "speaker", fact_anchor(corpus, q), {"person": fact_anchor(corpus, person)}
    if a == "drop":
        fact = find_fact(corpus, args.ident)
        if fact.__class__.__name__ == "Article":
            raise NotFound("an article cannot be dropped: leave its file out, or correct its title/outlet/date")
        return "drop", fact_anchor(corpus, fact), {}
    if a == "meeting":
        m = find_of(corpus, args.meeting, "meeting")
        if args.same_as:
            other = find_of(corpus, args.same_as, "meeting")
            if any(v is not None for v in (args.date, args.place, args.participants)):
                raise NotFound("--same-as is a correction of its own: give it without --date/--place/--participants")
            return "meeting-merge", fact_anchor(corpus, m), {"into": fact_anchor(corpus, other)}
        values: dict = {}
        if args.date is not None:
            values["date"] = args.date
        if args.place is not None:
            values["place"] = args.place
        if args.participants is not None:
            people = []
            for name in (n.strip() for n in args.participants.split(";")):
                if not name:
                    continue
                try:
                    people.append(fact_anchor(corpus, find_entity(corpus, name)))
                except NotFound as exc:
                    if "answer to" in str(exc):
                        raise
                    people.append(Anchor("entity", name=name))    # not named by the analysis: kept by name
            values["participants"] = people
        if not values:
            raise NotFound("say what to correct: --date, --place, --participants or --same-as")
        return "meeting", fact_anchor(corpus, m), values
    if a == "figure":
        f = find_of(corpus, args.figure, "figure")
        values = {}
        if args.value is not None:
            values["value"] = args.value
        if args.unit is not None:
            values["unit"] = args.unit
        if args.claimant is not None:
            values["claimant"] = fact_anchor(corpus, find_entity(corpus, args.claimant))
        if not values:
            raise NotFound("say what to correct: --value, --unit or --claimant")
        return "figure", fact_anchor(corpus, f), values
    if a == "article":
        art = find_of(corpus, args.key, "article")
        values = {k: getattr(args, k) for k in ("title", "outlet", "published") if getattr(args, k) is not None}
        if not values:
            raise NotFound("say what to correct: --title, --outlet or --published")
        return "article", fact_anchor(corpus, art), values
    raise NotFound(f"unknown action {a}")


def _list(args) -> int:
    import json
    from kemnaker_tui.commands.common import load_finished
    from kemnaker_tui.commands.tables import safe
    finished = load_finished(args)
    rows = []
    for source, corrections in (("aliases", finished.alias_corrections),
                                ("file", finished.file.corrections if finished.file else [])):
        for c in corrections:
            o = next((o for o in finished.orphans if o.correction is c), None)
            status = "undone" if c.undone else ("not applied" if o else "applied")
            rows.append({"n": c.n, "source": source, "kind": c.kind, "status": status,
                         "reason": o.reason if o else None, "by": c.by, "created": c.created,
                         "what": c.describe()})
    if args.json:
        json.dump({"file": str(finished.file.path) if finished.file else None, "corrections": rows},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"corrections file: {finished.file.path if finished.file else '(none)'}")
    if not rows:
        print("no corrections yet (`kemnaker-tui correct --help`, or C in the explorer)")
    for r in rows:
        n = f"#{r['n']}" if r["source"] == "file" else "alias"
        mark = {"applied": "✎", "undone": "↶", "not applied": "!"}[r["status"]]
        line = f"{mark} {n:>5}  {safe(r['what'])}"
        if r["status"] != "applied":
            line += f"  [{r['status']}" + (f": {safe(r['reason'])}" if r["reason"] else "") + "]"
        print(line)
    return 0


def _undo(args) -> int:
    from kemnaker_tui.corrections import store
    try:
        undone = store.undo(args.corrections, args.count)
    except (ValueError, OSError) as exc:
        return fail(str(exc))
    if not undone:
        print("nothing to undo")
        return 0
    for c in undone:
        print(f"undone #{c.n} {c.describe()}")
    return 0
