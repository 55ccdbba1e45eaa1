"""The analysis never imports Textual or Rich: checked in a fresh interpreter."""
import subprocess
import sys

CORE = [
    "kemnaker_tui.model", "kemnaker_tui.corpus", "kemnaker_tui.corpus.reader", "kemnaker_tui.corpus.article",
    "kemnaker_tui.analysis.pipeline", "kemnaker_tui.analysis.extract", "kemnaker_tui.export",
]


def test_core_imports_no_ui():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "from kemnaker_tui.analysis.pipeline import analyse_paths\n"
        + "from kemnaker_tui.corpus.reader import bundled_corpus_path\n"
        + "analyse_paths([bundled_corpus_path()])\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"UI modules imported by the core: {out.stdout}"
