"""The 24 real dev articles (../shared/eval/dev) against their hand-made gold: the
bars of issue 10 for events and their participants, figures and publication dates. Entities, quotes and
attribution have their own bars where the speakers' work is tested."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kemnaker_tui import export

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
DEV = EVAL / "dev"
BAR = {"meetings": 0.80, "participants": 0.80, "figures": 0.88, "published": 0.80}


@pytest.mark.skipif(not (DEV / "gold_dev.json").exists(), reason="../shared/eval/dev is not beside this checkout")
def test_dev_score_reaches_the_bar_for_events_participants_figures_and_dates(tmp_path):
    from kemnaker_tui.analysis.pipeline import analyse_paths

    corpus = analyse_paths([DEV / "articles"])
    pred = tmp_path / "export.json"
    pred.write_text(json.dumps(export.to_dict(corpus), ensure_ascii=False), encoding="utf-8")
    args = [sys.executable, str(EVAL / "score.py"), "--gold", str(DEV / "gold_dev.json"), "--pred", str(pred)]
    args += [f"--min={k}={v}" for k, v in BAR.items()]
    out = subprocess.run(args, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
