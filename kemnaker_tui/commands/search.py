"""`kemnaker-tui search QUERY [PATH...] [--limit N] [--json]`: ranked hits with
highlighted keyword-in-context snippets."""
from __future__ import annotations

import argparse
import json
import sys

from kemnaker_tui.commands.common import add_json, add_paths, exit_code, load, search_index

KIND_CHOICES = ("articles", "passages", "quotes", "figures", "all")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY",
                        help='words (typos and word forms allowed), "exact phrase", -exclude, a OR b, '
                             "person:/org:/program:/place:NAME, outlet:, lang:id|en, from:2023-01, "
                             "to:2024-12, in:quotes|titles|figures")
    add_paths(parser)
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="hits per list (default 10)")
    parser.add_argument("--kind", choices=KIND_CHOICES, default="all",
                        help="which list to print (default: all that have hits)")
    parser.add_argument("--boilerplate", action="store_true",
                        help="also search boilerplate (\"Baca juga\" lines, credits)")
    add_json(parser)


_BY_ID: dict = {}


def _by_id(corpus) -> tuple[dict, dict]:
    """Quotes and figures by id (made once per corpus)."""
    got = _BY_ID.get(id(corpus))
    if got is None or got[0] is not corpus:
        _BY_ID.clear()
        got = _BY_ID[id(corpus)] = (corpus, {q.id: q for q in corpus.quotes}, {f.id: f for f in corpus.figures})
    return got[1], got[2]


def _unit_fields(hit, corpus) -> dict:
    """What a quote or figure hit is: its speaker; its value, unit and claimant."""
    quotes, figures = _by_id(corpus)
    if hit.kind == "quotes" and hit.ref_id:
        q = quotes.get(hit.ref_id)
        if q is not None:
            return {"speaker": q.speaker, "speaker_id": q.speaker_id, "quote": q.text,
                    "unterminated": q.unterminated}
    if hit.kind == "figures" and hit.ref_id:
        f = figures.get(hit.ref_id)
        if f is not None:
            return {"value": int(f.value) if float(f.value).is_integer() else f.value, "unit": f.unit,
                    "printed": f.text, "claimed_by": f.claimed_by, "claimed_by_id": f.claimed_by_id}
    return {}


def _hit_dict(hit, corpus) -> dict:
    article = corpus.article(hit.article)
    snip = hit.snippet
    why = getattr(hit, "why", None) or []
    return {
        "kind": hit.kind, "article": hit.article, "ref_id": hit.ref_id, "score": round(hit.score, 4),
        "title": article.title, "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "start": hit.start, "end": hit.end,
        "spans": [[s.start, s.end] for s in hit.spans],
        "snippet": {"text": snip.text, "highlights": [list(h) for h in snip.highlights], "start": snip.start},
        # matches that are not the words as typed: stem forms, translations, typos
        "matched": [{"text": text, "why": reason} for text, reason in why],
        **_unit_fields(hit, corpus),
    }


def run(args: argparse.Namespace) -> int:
    loaded = load(args)
    corpus = loaded.corpus
    index = search_index(loaded)
    limit = max(0, args.limit)
    results = index.search(args.query, limit=limit, include_boilerplate=args.boilerplate)
    kinds = ("articles", "passages", "quotes", "figures") if args.kind == "all" else (args.kind,)
    if args.json:
        out = {
            "query": args.query,
            "problems": results.problems,
            "counts": results.counts,
            **{kind: [_hit_dict(h, corpus) for h in results.hits(kind)] for kind in kinds},
        }
        from kemnaker_tui.export import inert_json
        sys.stdout.write(inert_json(json.dumps(out, ensure_ascii=False, indent=2)) + "\n")
        return exit_code(corpus)

    from rich.console import Console
    from rich.text import Text

    from kemnaker_tui.commands.tables import inert, safe
    console = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    for problem in results.problems:
        err.print(Text(f"query: {safe(problem)}", style="yellow"))
    shown = 0
    for kind in kinds:
        hits = results.hits(kind)
        if not hits:
            continue
        total = results.counts.get(kind, len(hits))
        console.print(Text(f"{kind} — {len(hits)} of {total}", style="bold"))
        for n, hit in enumerate(hits, start=1):
            article = corpus.article(hit.article)
            meta = safe(" · ".join(x for x in (article.outlet, article.published.isoformat() if article.published else None,
                                               hit.article) if x))
            head = Text(f"{n:>3}. ", style="dim")
            if kind == "articles":
                head.append(safe(article.title or hit.article), style="bold")
                head.append(f"  {meta}", style="dim")
                console.print(head)
            else:
                head.append(meta + (f"  [{hit.ref_id}]" if hit.ref_id else ""), style="dim")
                unit = _unit_fields(hit, corpus)
                if "speaker" in unit:
                    head.append(f"  — {safe(unit['speaker'] or 'unattributed')}", style="bold")
                elif "value" in unit:
                    head.append(f"  = {unit['value']:,}{' ' + safe(unit['unit']) if unit['unit'] else ''}",
                                style="bold")
                    if unit["claimed_by"]:
                        head.append(f" ({safe(unit['claimed_by'])})")
                console.print(head)
            snip = hit.snippet
            line = Text("     " + inert(snip.text))
            for s, e in snip.highlights:
                line.stylize("bold reverse", 5 + s, 5 + e)
            console.print(line)
            why = getattr(hit, "why", None) or []
            if why:
                console.print(Text("     ≈ " + "; ".join(f"{safe(t)}: {r}" for t, r in why), style="dim"))
            shown += 1
        console.print()
    if not shown:
        console.print("no hits")
    return exit_code(corpus)
