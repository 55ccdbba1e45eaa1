"""Keystroke-to-updated-results latency of the explorer's search pane, at scale.

    python bench/ui_latency.py --articles 10000 [--seed 1] [--gap-ms 40]

Builds (or reuses) the synthetic corpus of bench/make_corpus.py and its cached
analysis (shared with bench/search_latency.py), opens the real app with Pilot
(``App.run_test``, 120×40), presses ``/`` and types the same realistic queries
as search_latency.py one key at a time. Each keystroke is timed from the key
event entering the app (as ``Pilot.press`` sends it, through the driver) to the
moment the search pane has applied that keystroke's results — tab counts,
status line and the visible list rebuilt ("applied") — and then to the end of
the next frame written to the terminal after that ("painted": what the user
sees; the headless driver discards the bytes, a terminal would draw them). ``--gap-ms`` is the pause between keys (a fast
typist: 40 ms); a key arriving while a query runs supersedes it, as in use.

The last line printed is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


async def measure(corpus, gap_ms: float, queries: list[str], mode: str = "auto") -> dict:
    from textual import events

    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.ui.widgets.search_pane import SearchPane
    from kemnaker_tui.userdata import Settings

    app = KemnakerApp(corpus=corpus, settings=Settings())
    timings: list[float] = []       # key -> results applied
    painted: list[float] = []       # key -> applied and the refresh processed
    search_ms: list[float] = []     # the engine's own time for the query
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while app.explorer is None:
            await asyncio.sleep(0.01)
        load_s = time.perf_counter() - started
        await pilot.press("slash")
        pane = app.screen.query_one("#search-1", SearchPane)
        pane.mode = mode
        driver = app._driver
        frames: list[float] = []          # when each frame went to the terminal
        real_display = app._display

        def display(screen, renderable):
            result = real_display(screen, renderable)
            frames.append(time.perf_counter())
            return result
        app._display = display

        async def send(key: str, char: str | None) -> None:
            driver.send_message(events.Key(key, char))

        for query in queries:
            # clear the box (not timed)
            await send("ctrl+u", None)
            while pane.input.value:
                await asyncio.sleep(0.001)
            await asyncio.sleep(0.05)
            for i, char in enumerate(query):
                expected = query[: i + 1]
                key = {" ": "space", '"': "quotation_mark", "-": "minus", ":": "colon"}.get(char, char)
                t0 = time.perf_counter()
                await send(key, char)
                while not (pane.input.value == expected and pane.shown_generation == pane.generation
                           and pane.query_text == expected):
                    await asyncio.sleep(0.0005)
                t1 = time.perf_counter()
                # then wait for the next frame written to the terminal
                while not frames or frames[-1] < t1:
                    await asyncio.sleep(0.0005)
                t2 = frames[-1]
                timings.append((t1 - t0) * 1000)
                painted.append((t2 - t0) * 1000)
                search_ms.append(pane.search_ms)
                await asyncio.sleep(gap_ms / 1000)
    return {"load_s": load_s, "applied": timings, "painted": painted, "search": search_ms}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="jsonl")
    ap.add_argument("--gap-ms", type=float, default=40.0)
    ap.add_argument("--mode", choices=("auto", "inline", "thread"), default="auto",
                    help="where queries run (the app uses auto)")
    ap.add_argument("--queries", type=int, default=0, help="only the first N queries (0: all)")
    args = ap.parse_args(argv)
    os.environ.setdefault("KEMNAKER_TUI_HOME", tempfile.mkdtemp(prefix="kemnaker-bench-"))

    from make_corpus import make_corpus
    from search_latency import QUERIES, ensure_extracted, load_analysed

    t = time.perf_counter()
    path = make_corpus(args.articles, args.seed, fmt=args.format)
    corpus, cached = load_analysed(path)
    corpus, extracted_by = ensure_extracted(corpus)
    print(f"{len(corpus.articles)} articles, {len(corpus.entities)} entities, {len(corpus.quotes)} quotes, "
          f"{len(corpus.figures)} figures ({extracted_by}{', cached' if cached else ''}) "
          f"in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    queries = QUERIES[: args.queries] if args.queries else QUERIES
    result = asyncio.run(measure(corpus, args.gap_ms, queries, args.mode))
    applied, painted, search = result["applied"], result["painted"], result["search"]
    summary = {
        "articles": len(corpus.articles),
        "keystrokes": len(applied),
        "gap_ms": args.gap_ms,
        "mode": args.mode,
        "load_average": round(os.getloadavg()[0], 2),
        "index_and_first_screen_s": round(result["load_s"], 2),
        "applied_p50_ms": round(statistics.median(applied), 1),
        "applied_p95_ms": round(pct(applied, 95), 1),
        "applied_max_ms": round(max(applied), 1),
        "painted_p50_ms": round(statistics.median(painted), 1),
        "painted_p95_ms": round(pct(painted, 95), 1),
        "painted_max_ms": round(max(painted), 1),
        "engine_p50_ms": round(statistics.median(search), 1),
        "engine_p95_ms": round(pct(search, 95), 1),
        "target_p95_ms": 50,
    }
    # The bar is keystroke → updated results (applied to the widgets);
    # the painted figure adds the wait for Textual's next frame and is reported beside it.
    summary["ok"] = summary["applied_p95_ms"] <= 50
    summary["painted_ok"] = summary["painted_p95_ms"] <= 50
    print(f"keystroke → results on screen: p50 {summary['painted_p50_ms']} ms, "
          f"p95 {summary['painted_p95_ms']} ms, max {summary['painted_max_ms']} ms "
          f"({summary['keystrokes']} keystrokes, {summary['articles']} articles)", file=sys.stderr)
    print(json.dumps(summary))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
