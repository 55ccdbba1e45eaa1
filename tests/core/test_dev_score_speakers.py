"""The 24 real dev articles against their gold, for the fields of issue 10's classes
1-4 (speakers, people, organisations, places): entities, quotes, attribution.
The other fields have their own bar where their extractors live."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kemnaker_tui import export
from kemnaker_tui.analysis.pipeline import analyse_paths

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
BAR = {"entities": 0.90, "quotes": 0.95, "attribution": 0.92}


@pytest.mark.skipif(not (EVAL / "dev" / "gold_dev.json").exists(),
                    reason="../shared/eval/dev is not beside this checkout")
def test_dev_score_of_speakers_and_entities_reaches_the_bar(tmp_path):
    corpus = analyse_paths([EVAL / "dev" / "articles"])
    pred = tmp_path / "export.json"
    pred.write_text(json.dumps(export.to_dict(corpus), ensure_ascii=False), encoding="utf-8")
    args = [sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / "dev" / "gold_dev.json"), "--pred", str(pred)]
    args += [f"--min={k}={v}" for k, v in BAR.items()]
    out = subprocess.run(args, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
