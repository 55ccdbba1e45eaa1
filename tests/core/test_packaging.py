"""The wheel ships the seed corpus as package data, and an installed copy finds it."""
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_the_bundled_corpus(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                         capture_output=True, text=True)
    if out.returncode != 0 and "Could not find a version" in out.stderr:
        pytest.skip("no package index reachable to fetch the build backend")
    assert out.returncode == 0, out.stderr[-2000:]
    wheel = next(tmp_path.glob("kemnaker_tui-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        shipped = {Path(n).name: z.read(n) for n in z.namelist() if n.startswith("kemnaker_tui/_corpus/")}
        assert "kemnaker_tui/analysis/data/places.toml" in z.namelist()
    seeds = {p.name: p.read_bytes() for p in (ROOT / "corpus").iterdir()}
    assert {k: hashlib.sha256(v).hexdigest() for k, v in shipped.items()} == \
           {k: hashlib.sha256(v).hexdigest() for k, v in seeds.items()}
    # Unpacked elsewhere, the package finds its own copy.
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(target)
    code = "from kemnaker_tui.corpus.reader import bundled_corpus_path as b; print(b())"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                           env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert found.stdout.strip() == str(target / "kemnaker_tui" / "_corpus"), found.stderr
