"""The library is core: it never imports Textual or Rich."""
from __future__ import annotations

import subprocess
import sys


def test_library_imports_no_ui():
    code = ("import sys\n"
            "import kemnaker_tui.library, kemnaker_tui.library.library, kemnaker_tui.library.watch\n"
            "import kemnaker_tui.library.sqlite_export, kemnaker_tui.library.workers, kemnaker_tui.library.snapshots\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
