"""The library at scale: cold and warm times, one changed file, memory.

    python bench/library.py --articles 10000 [--seed 1] [--skip-jobs1] [--format txt|jsonl]

Builds (or reuses) the synthetic corpus of bench/make_corpus.py, then runs the
real command line in fresh processes, each with its own KEMNAKER_TUI_HOME (an
empty store unless said otherwise):

    cold_index_s        `kemnaker-tui index DIR --json` on an empty store (all cores)
    cold_index_jobs1_s  the same with --jobs 1, same run (another empty store)
    warm_search_s       `kemnaker-tui search "magang jepang" DIR` on the up-to-date
                        store, wall time including process start
    warm_explorer_s     the explorer on the up-to-date store: from process start to
                        overview shown and a search answered (headless, Pilot)
    changed_one_s       one file changed, then `index --json` (must say analysed 1)
    search_after_change_s  the next `search` after that change
    *_rss_mb            peak RSS of that process (workers not included)

Prints progress lines, and last one JSON line with every figure, the load
average before and after, and the cores.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"

_EXPLORER_PROBE = r"""
import asyncio, os, sys, time, resource
t0 = float(sys.argv[2])
from kemnaker_tui.ui.app import KemnakerApp
from kemnaker_tui.userdata import Settings

async def main():
    app = KemnakerApp([sys.argv[1]], settings=Settings(), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.explorer is None and app.load_error is None:
            await asyncio.sleep(0.01)
        if app.load_error:
            print(json.dumps({"error": app.load_error})); return
        await pilot.pause()
        hits = app.explorer.index.search("magang jepang", limit=20)
        usable = time.time() - t0
        n = hits.counts.get("articles", 0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"usable_s": usable, "rss_mb": rss, "hits": n}))

import json
asyncio.run(main())
"""


def run_rss(args: list[str], home: Path, label: str) -> tuple[float, float, str, str, int]:
    """Like run, with the peak RSS of exactly this process (os.wait4)."""
    env = dict(os.environ, KEMNAKER_TUI_HOME=str(home))
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        o, e = out.read().decode(), err.read().decode()
    print(f"  {label}: {wall:.2f} s, {usage.ru_maxrss / 1024:.0f} MB (exit {proc.returncode})", file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, o, e, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--skip-jobs1", action="store_true", help="skip the --jobs 1 cold run (slow at 100k)")
    ap.add_argument("--skip-explorer", action="store_true")
    args = ap.parse_args()

    n = args.articles
    corpus = DATA / (f"corpus-{n}-s{args.seed}" + (".jsonl" if args.format == "jsonl" else ""))
    if not corpus.exists():
        print(f"writing {n} synthetic articles to {corpus}", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "--articles", str(n), "--seed",
                        str(args.seed), "--format", args.format, "--out", str(corpus)], check=True)
    work = Path(tempfile.mkdtemp(prefix="kemnaker-bench-library-"))
    cli = [sys.executable, "-m", "kemnaker_tui"]
    out: dict = {"articles": n, "format": args.format, "cores": os.cpu_count(),
                 "load_before": round(os.getloadavg()[0], 2)}
    try:
        # a private copy: the one-changed-file step edits it
        if args.format == "txt":
            folder = work / "corpus"
            shutil.copytree(corpus, folder)
        else:
            folder = work / corpus.name
            shutil.copy(corpus, folder)
        home = work / "home"
        wall, rss, o, e, code = run_rss(cli + ["index", str(folder), "--json"], home, "cold index (all cores)")
        assert code == 0, e
        stats = json.loads(o)
        out.update(cold_index_s=round(wall, 2), cold_index_rss_mb=round(rss), cold_index_stats=stats)
        if not args.skip_jobs1:
            wall1, rss1, o1, e1, code1 = run_rss(cli + ["index", str(folder), "--json", "--jobs", "1"],
                                                 work / "home-jobs1", "cold index (--jobs 1)")
            assert code1 == 0, e1
            out.update(cold_index_jobs1_s=round(wall1, 2), parallel_speedup=round(wall1 / wall, 2))
            shutil.rmtree(work / "home-jobs1", ignore_errors=True)
        search = cli + ["search", "magang jepang", str(folder), "--limit", "10"]
        run_rss(search, home, "warm search (first: page cache)")
        walls, rsss = [], []
        for i in range(3):
            w, r, o, e, code = run_rss(search, home, f"warm search #{i + 1}")
            assert code == 0, e
            walls.append(w)
            rsss.append(r)
        out.update(warm_search_s=round(min(walls), 3), warm_search_median_s=round(sorted(walls)[1], 3),
                   warm_search_rss_mb=round(max(rsss)), warm_vs_cold=round(wall / min(walls), 1))
        if not args.skip_explorer:
            probe = [sys.executable, "-c", _EXPLORER_PROBE, str(folder)]
            got = []
            for i in range(2):
                t0 = time.time()
                w, r, o, e, code = run_rss(probe + [str(t0)], home, f"warm explorer #{i + 1}")
                lines = [line for line in o.splitlines() if line.startswith("{")]
                if code == 0 and lines:
                    got.append(json.loads(lines[-1]))
                else:
                    print(e[-2000:], file=sys.stderr)
            if got:
                best = min(got, key=lambda g: g.get("usable_s", 1e9))
                out.update(warm_explorer_usable_s=round(best["usable_s"], 2),
                           warm_explorer_rss_mb=round(max(g.get("rss_mb", 0) for g in got)))
        # one changed file
        if args.format == "txt":
            victim = sorted(folder.rglob("*.txt"))[n // 2]
            with open(victim, "a", encoding="utf-8") as fh:
                fh.write("\nPara peserta magang berangkat ke Osaka pekan depan, kata seorang pejabat.\n")
            w, r, o, e, code = run_rss(cli + ["index", str(folder), "--json"], home, "one changed file: index")
            assert code == 0, e
            changed = json.loads(o)
            out.update(changed_one_s=round(w, 2), changed_one_stats=changed, changed_one_rss_mb=round(r))
            w, r, o, e, code = run_rss(search, home, "warm search after the change")
            out.update(search_after_change_s=round(w, 2))
        out["load_after"] = round(os.getloadavg()[0], 2)
        out["store_mb"] = round(sum(p.stat().st_size for p in (home / "cache").rglob("*") if p.is_file()) / 2**20)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
