"""Corpora for the library's tests: the seeds, the dev articles (when present)
and synthetic ones written by bench/make_corpus.py (its own sentences)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "articles"


def make_synthetic(folder: Path, n: int, seed: int = 7) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--articles", str(n),
                    "--seed", str(seed), "--out", str(folder)], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="session")
def synthetic_master(tmp_path_factory) -> Path:
    return make_synthetic(tmp_path_factory.mktemp("synthetic") / "corpus", 120)


@pytest.fixture
def synthetic(tmp_path, synthetic_master) -> Path:
    """A private copy (tests change it)."""
    out = tmp_path / "synthetic"
    shutil.copytree(synthetic_master, out)
    return out


def run_cli(*args: str, env=None, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kemnaker_tui", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)
