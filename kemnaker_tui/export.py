"""The analysis as data: the JSON export contract (../shared/eval/SCHEMA.md)
and one CSV file per kind. Used by the CLI and by tests; no UI."""
from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

from kemnaker_tui.model import Corpus


def article_dict(a) -> dict:
    return {
        "file": a.key, "path": a.path, "title": a.title, "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "published_text": a.published_text, "dateline": a.dateline, "language": a.language,
        "url": a.url, "author": a.author, "fetched_at": a.fetched_at, "encoding": a.encoding,
        "boilerplate": [{"start": b.start, "end": b.end} for b in a.boilerplate],
        "sentences": len(a.sentences),
        "text": a.text,             # the text every offset in this export points into
    }


def entity_dict(e) -> dict:
    return {
        "id": e.id, "type": e.type, "name": e.name, "acronym": e.acronym,
        "aliases": list(e.aliases), "roles": list(e.roles),
        "mentions": [{"article": m.article, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        "evidence": evidence(e),
    }


def meeting_dict(m) -> dict:
    return {
        "id": m.id, "article": m.article, "kind": m.kind,
        "date": m.date.isoformat() if m.date else None, "date_text": m.date_text,
        "year_inferred": m.year_inferred, "place": m.place, "participants": list(m.participants),
        "participant_ids": list(m.participant_ids), "organisations": list(m.organisations),
        "summary": m.summary, "start": m.start, "end": m.end,
        "evidence": evidence(m, [(m.start, m.end)]),
    }


def quote_dict(q) -> dict:
    return {
        "id": q.id, "article": q.article, "speaker": q.speaker, "speaker_id": q.speaker_id,
        "text": q.text, "start": q.start, "end": q.end, "unterminated": q.unterminated,
        "attribution": {"start": q.attribution.start, "end": q.attribution.end} if q.attribution else None,
        "evidence": evidence(q, [(q.attribution.start, q.attribution.end)] if q.attribution else []),
    }


def figure_dict(f) -> dict:
    value = int(f.value) if float(f.value).is_integer() else f.value
    return {
        "id": f.id, "article": f.article, "value": value, "unit": f.unit, "text": f.text,
        "start": f.start, "end": f.end,
        "sentence": {"start": f.sentence.start, "end": f.sentence.end},
        "claimed_by": f.claimed_by, "claimed_by_id": f.claimed_by_id,
        "evidence": evidence(f, [(f.sentence.start, f.sentence.end)]),
    }


def evidence(fact, spans=()) -> dict:
    """Why a fact is there: the rule in words, the text it rests on, and whether
    it is one to check first."""
    return {"rule": fact.why or None, "spans": [{"start": s, "end": e} for s, e in spans],
            "unsure": bool(fact.unsure)}


def to_dict(corpus: Corpus) -> dict:
    return {
        "articles": [article_dict(a) for a in corpus.articles],
        "entities": [entity_dict(e) for e in corpus.entities],
        "meetings": [meeting_dict(m) for m in corpus.meetings],
        "quotes": [quote_dict(q) for q in corpus.quotes],
        "figures": [figure_dict(f) for f in corpus.figures],
        "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
        "warnings": list(corpus.warnings),
    }


def to_json(corpus: Corpus) -> str:
    return inert_json(json.dumps(to_dict(corpus), ensure_ascii=False, indent=1))


def inert_json(text: str) -> str:
    """JSON text safe to print on a terminal: ``json.dumps`` escapes C0 controls
    but leaves DEL and C1 (e.g. U+009B, an 8-bit CSI) raw; escape them too.
    They only occur inside strings, so the data is unchanged."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_C1 = re.compile("[\x7f-\x9f]")


# CSV: one file per kind, nested lists joined with " | ".
_CSV_COLUMNS = {
    "articles": ["file", "title", "outlet", "published", "dateline", "language", "url", "path"],
    "entities": ["id", "type", "name", "acronym", "aliases", "roles", "mention_count", "articles"],
    "meetings": ["id", "article", "outlet", "kind", "date", "date_text", "year_inferred", "place", "participants",
                 "organisations", "summary", "start", "end"],
    "quotes": ["id", "article", "date", "outlet", "speaker", "speaker_id", "role", "text", "start", "end",
               "unterminated"],
    "figures": ["id", "article", "date", "outlet", "value", "unit", "text", "claimed_by", "sentence_text",
                "start", "end"],
    "mentions": ["entity_id", "article", "start", "end", "text"],
}


def _outlet(corpus: Corpus, key: str) -> str | None:
    return corpus.article(key).outlet


def _cited(corpus: Corpus, key: str, pos: int) -> dict:
    """The date a citation of this unit gives (publication, else the event's) and the outlet."""
    from kemnaker_tui.cite import source_date
    date, _kind, _inferred = source_date(corpus, key, pos)
    return {"date": date.isoformat() if date else None, "outlet": _outlet(corpus, key)}


def _role(corpus: Corpus, quote: dict) -> str | None:
    from kemnaker_tui.cite import speaker_role
    return speaker_role(corpus, quote["speaker_id"], quote["article"])


def write_csv(corpus: Corpus, folder: str | os.PathLike) -> list[Path]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    data = to_dict(corpus)
    rows = {
        "articles": data["articles"],
        "entities": [dict(e, mention_count=len(e["mentions"]),
                          articles=sorted({m["article"] for m in e["mentions"]})) for e in data["entities"]],
        "meetings": [dict(m, outlet=_outlet(corpus, m["article"])) for m in data["meetings"]],
        "quotes": [dict(q, **_cited(corpus, q["article"], q["start"]), role=_role(corpus, q))
                   for q in data["quotes"]],
        "figures": [dict(f, **_cited(corpus, f["article"], f["start"]),
                         sentence_text=corpus.article(f["article"]).text[f["sentence"]["start"]:f["sentence"]["end"]])
                    for f in data["figures"]],
        "mentions": [dict(m, entity_id=e["id"]) for e in data["entities"] for m in e["mentions"]],
    }
    written = []
    for kind, columns in _CSV_COLUMNS.items():
        path = out / f"{kind}.csv"
        tmp = path.with_suffix(".csv.tmp")
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows[kind]:
                writer.writerow({k: " | ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
        os.replace(tmp, path)
        written.append(path)
    return written
