"""Random edits to a folder of real articles; after each, the analysis through the
store (which replays the last merge: analysis/resolve_trace.py) must equal a
fresh one (--no-store), byte for byte in `export`.

    python bench/replay_fuzz.py [--seed N] [--steps N] [FOLDER...]

FOLDERs (default: the dev articles beside the project and the bundled corpus)
are copied to a private folder first; the edits move, copy and drop lines
between articles, swap capitalised words, rename, duplicate and delete files,
and append sentences of our own that define acronyms, name people in full,
and use acronyms and surnames bare — what makes one article's change reach
the others. Prints one line a step and a JSON summary; exits 1 at the first
difference (both exports are kept for reading).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "eval" / "dev" / "articles", ROOT / "corpus"]

# Sentences of our own (not from any article): acronyms, long forms and people that recur.
ACRONYMS = [("BPKL", "Balai Pelatihan Kerja Luar Negeri"), ("LPKJ", "Lembaga Pemagangan Kerja Jepang"),
            ("PMKI", "Program Magang Kerja Internasional"), ("BPKL", "Badan Penempatan Kerja Lokal")]
PEOPLE = [("Direktur", "Rahmat Kurniawan"), ("Kepala Balai", "Siti Rahmawati"), ("Menteri", "Kenji Watanabe"),
          ("Sekjen", "Rahmat Hidayat")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=30)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="replay-fuzz-"))
    root, home = work / "news", work / "home"
    root.mkdir()
    for folder in args.folders:
        for p in sorted(folder.glob("*.txt")):
            shutil.copy(p, root / p.name)
    env = dict(os.environ, KEMNAKER_TUI_HOME=str(home))

    def cli(*a: str) -> str:
        got = subprocess.run([sys.executable, "-m", "kemnaker_tui", *a], env=env, capture_output=True, text=True)
        return got.stdout

    def lines(p: Path) -> list[str]:
        return p.read_text(encoding="utf-8").split("\n")

    cli("index", str(root))
    for step in range(args.steps):
        files = sorted(root.glob("*.txt"))
        f, g = rng.choice(files), rng.choice(files)
        op = rng.choice(["move", "copy", "delete", "dup", "rename", "drop", "swapwords",
                         "define", "person", "bare", "bare", "program"])
        if op in ("move", "copy"):
            lg = lines(g)
            if len(lg) > 2:
                i = rng.randrange(1, len(lg))
                lf = lines(f)
                lf.insert(rng.randrange(1, len(lf) + 1), lg[i])
                f.write_text("\n".join(lf), encoding="utf-8")
                if op == "move":
                    del lg[i]
                    g.write_text("\n".join(lg), encoding="utf-8")
        elif op == "delete" and len(files) > 5:
            f.unlink()
        elif op == "dup":
            shutil.copy(f, f.with_name(f"{f.stem}_dup{step}.txt"))
        elif op == "rename":
            f.rename(f.with_name(f"{rng.choice('abz')}{step}_{f.name}"))
        elif op == "drop":
            lf = lines(f)
            if len(lf) > 2:
                del lf[rng.randrange(1, len(lf))]
                f.write_text("\n".join(lf), encoding="utf-8")
        elif op == "swapwords":
            text = f.read_text(encoding="utf-8")
            words = sorted(w for w in set(text.split()) if w[:1].isupper() and len(w) > 3)
            if len(words) > 2:
                a, b = rng.sample(words, 2)
                f.write_text(text.replace(a, "\0").replace(b, a).replace("\0", b), encoding="utf-8")
        else:
            acronym, long_form = rng.choice(ACRONYMS)
            title, name = rng.choice(PEOPLE)
            extra = {"define": f"{long_form} ({acronym}) menyiapkan 120 peserta pelatihan.",
                     "person": f"{title} {name} hadir di Jakarta pada 4 Juni 2024.",
                     "bare": f'{acronym} menerima 40 orang. "Kami siap," kata {name.split()[-1]}. '
                             f"Menurut {title} {name.split()[0]}, seleksi dibuka.",
                     "program": f"Program {acronym} dibuka lagi tahun ini untuk 70 peserta program {acronym}."}[op]
            with open(f, "a", encoding="utf-8") as fh:
                fh.write("\n" + extra + "\n")
        did = cli("index", str(root), "--json").strip()
        stored, fresh = cli("export", str(root)), cli("export", str(root), "--no-store")
        same = stored == fresh
        print(f"step {step} {op} {f.name}: {'same' if same else 'DIFFERENT'} {did}", flush=True)
        if not same:
            (work / "store.json").write_text(stored, encoding="utf-8")
            (work / "fresh.json").write_text(fresh, encoding="utf-8")
            print(json.dumps({"seed": args.seed, "step": step, "different": True, "kept": str(work)}))
            return 1
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"seed": args.seed, "steps": args.steps, "different": False}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
