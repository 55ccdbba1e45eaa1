#!/usr/bin/env python3
"""Analysis speed: milliseconds per article (scaled to 3 KB) after warm-up.

    python bench/analysis_speed.py [PATH...] [--rounds 20]

Each article is analysed alone (reading excluded: boilerplate, metadata,
sentences, entities, merging, dates, quotes, meetings, figures), `--rounds`
times after one warm-up round. Prints a table and, last, one JSON line.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kemnaker_tui.analysis.pipeline import analyse  # noqa: E402
from kemnaker_tui.corpus.reader import ReadResult, bundled_corpus_path, read_paths  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    docs = read_paths(args.paths or [bundled_corpus_path()]).documents
    if not docs:
        sys.exit("no articles")
    for doc in docs:                                   # warm-up: imports, caches, data files
        analyse(ReadResult(documents=[doc]))
    # CPU time of this process (the analysis is single-threaded): steadier than wall
    # time on a shared machine; wall time is reported beside it.
    per_article_ms, per_3kb_ms, wall_3kb_ms = [], [], []
    for _ in range(args.rounds):
        for doc in docs:
            t0, w0 = time.process_time(), time.perf_counter()
            analyse(ReadResult(documents=[doc]))
            ms = (time.process_time() - t0) * 1000
            wall = (time.perf_counter() - w0) * 1000
            scale = 3000 / max(1, len(doc.text.encode("utf-8")))
            per_article_ms.append(ms)
            per_3kb_ms.append(ms * scale)
            wall_3kb_ms.append(wall * scale)
    t0 = time.perf_counter()
    analyse(ReadResult(documents=list(docs)))
    whole_ms = (time.perf_counter() - t0) * 1000
    result = {
        "articles": len(docs),
        "mean_bytes": round(statistics.mean(len(d.text.encode("utf-8")) for d in docs)),
        "median_ms_per_article": round(statistics.median(per_article_ms), 3),
        "median_ms_per_3kb": round(statistics.median(per_3kb_ms), 3),
        "p95_ms_per_3kb": round(sorted(per_3kb_ms)[int(0.95 * (len(per_3kb_ms) - 1))], 3),
        "median_wall_ms_per_3kb": round(statistics.median(wall_3kb_ms), 3),
        "whole_corpus_ms": round(whole_ms, 1),
        "goal_median_ms_per_3kb": 5.0,
    }
    print(f"{len(docs)} articles × {args.rounds} rounds: median {result['median_ms_per_3kb']} ms CPU per 3 KB "
          f"(p95 {result['p95_ms_per_3kb']}; wall median {result['median_wall_ms_per_3kb']}), "
          f"whole corpus {result['whole_corpus_ms']} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
