"""The seed articles against the hand-made gold: the bar of issue 2."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kemnaker_tui import export

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
BAR = {"entities": 0.90, "meetings": 0.90, "participants": 0.80, "quotes": 0.95,
       "attribution": 0.90, "figures": 0.85, "published": 1.00}


@pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not beside this checkout")
def test_seed_score_reaches_the_bar(seed_corpus, tmp_path):
    pred = tmp_path / "export.json"
    pred.write_text(json.dumps(export.to_dict(seed_corpus), ensure_ascii=False), encoding="utf-8")
    args = [sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / "gold_seeds.json"), "--pred", str(pred)]
    args += [f"--min={k}={v}" for k, v in BAR.items()]
    out = subprocess.run(args, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
