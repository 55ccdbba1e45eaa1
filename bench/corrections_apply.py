"""How long applying corrections takes after loading: the step every command and
the explorer run (and the explorer re-runs after each correction, instead of a
re-analysis). Prints numbers; no assertions.

    python bench/corrections_apply.py --articles 2000 --corrections 50
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corrections", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    from bench.make_corpus import make_corpus
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.corrections import apply
    from kemnaker_tui.corrections.build import fact_anchor
    from kemnaker_tui.corrections.model import Correction

    folder = make_corpus(args.articles, seed=args.seed)
    started = time.perf_counter()
    corpus = analyse_paths([folder])
    analysed = time.perf_counter() - started
    rng = random.Random(args.seed)
    people = [e for e in corpus.entities if e.type == "person"]
    quotes, meetings = list(corpus.quotes), list(corpus.meetings)
    made: list[Correction] = []
    for n in range(1, args.corrections + 1):
        kind = ("speaker", "rename", "meeting", "merge")[n % 4]
        if kind == "speaker" and quotes and people:
            made.append(Correction(n, "speaker", fact_anchor(corpus, rng.choice(quotes)),
                                   {"person": fact_anchor(corpus, rng.choice(people))}))
        elif kind == "rename" and people:
            made.append(Correction(n, "rename", fact_anchor(corpus, rng.choice(people)), {"name": f"Renamed {n}"}))
        elif kind == "meeting" and meetings:
            made.append(Correction(n, "meeting", fact_anchor(corpus, rng.choice(meetings)), {"place": "Bogor"}))
        elif len(people) > 2:
            a, b = rng.sample(people, 2)
            made.append(Correction(n, "merge", fact_anchor(corpus, a), {"into": fact_anchor(corpus, b)}))
    for label, items in (("no corrections", []), (f"{len(made)} corrections", made)):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            out = apply(corpus, items)
            times.append(time.perf_counter() - t)
        print(f"{args.articles} articles, {label}: apply best {min(times) * 1000:.1f} ms "
              f"(orphans {len(out.orphans)})")
    declare = [Correction(1, "declare", None, {"name": "Kementerian Ketenagakerjaan", "type": "organisation",
                                               "acronym": "Kemnaker", "aliases": ["Kementerian Tenaga Kerja"]}),
               Correction(2, "declare", None, {"name": people[0].name, "type": "person",
                                               "aliases": [people[0].name.split()[-1]]})] if people else []
    times = []
    for _ in range(3):
        t = time.perf_counter()
        out = apply(corpus, declare)
        times.append(time.perf_counter() - t)
    print(f"{args.articles} articles, an alias file of {len(declare)} [[entity]]: "
          f"best {min(times) * 1000:.1f} ms (orphans {len(out.orphans)})")
    print(f"analysis of the same corpus: {analysed:.1f} s (what a reload would cost instead)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
