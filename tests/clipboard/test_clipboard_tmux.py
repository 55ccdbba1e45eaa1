"""OSC 52 proved through tmux: a program in a pane copies, tmux's paste buffer holds the text."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from kemnaker_tui import clipboard

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not shutil.which("tmux"), reason="needs tmux (apt-get install tmux)")


class Tmux:
    def __init__(self, tmp_path: Path, set_clipboard: str) -> None:
        self.socket = f"kt-clip-{uuid.uuid4().hex[:10]}"
        self.conf = tmp_path / "tmux.conf"
        self.conf.write_text(f"set -g set-clipboard {set_clipboard}\nset -g remain-on-exit on\n")
        # No X or Wayland display inside: only OSC 52 can carry the copy.
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "TMUX_PANE")}
        self.env["PYTHONPATH"] = str(REPO)

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, "-f", str(self.conf), *args], env=self.env,
                              capture_output=True, text=True, timeout=10, check=check)

    def run_in_pane(self, argv: list[str], done: Path) -> None:
        cmd = " ".join(_quote(a) for a in argv)
        self("new-session", "-d", "-x", "120", "-y", "30", "-e",
             f"KEMNAKER_TUI_HOME={self.env['KEMNAKER_TUI_HOME']}", cmd)
        deadline = time.monotonic() + 15
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        pane = self("capture-pane", "-p", check=False).stdout
        assert done.exists(), f"the program in the pane did not finish:\n{pane}"

    def buffer(self) -> str | None:
        out = self("show-buffer", check=False)
        return out.stdout if out.returncode == 0 else None

    def kill(self) -> None:
        self("kill-server", check=False)


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


@pytest.fixture
def tmux_on(tmp_path, private_home):
    t = Tmux(tmp_path, "on")
    t.env["KEMNAKER_TUI_HOME"] = str(private_home)
    yield t
    t.kill()


@pytest.fixture
def tmux_off(tmp_path, private_home):
    t = Tmux(tmp_path, "off")
    t.env["KEMNAKER_TUI_HOME"] = str(private_home)
    yield t
    t.kill()


PANE_PROGRAM = """
import json, sys
from kemnaker_tui import clipboard
text = sys.argv[1]
r = clipboard.copy(text)   # no writer: it finds /dev/tty, the pane's terminal
with open(sys.argv[2] + ".tmp", "w") as fh:
    json.dump({"method": r.method, "message": r.message, "tmux": r.inside_tmux,
               "saved_to": str(r.saved_to) if r.saved_to else None}, fh)
import os; os.replace(sys.argv[2] + ".tmp", sys.argv[2])
"""

CITATION = ("“Saya berharap sektor swasta dan pejabat publik …”\n"
            "— Kanasugi Kenji, Duta Besar Jepang untuk Indonesia. “Lewat Forum Ini, Kemnaker Membangun "
            "Jejaring Pengembangan SDM Indonesia dengan Jepang.” jpnn.com, 29 November 2023.")


def test_osc52_reaches_tmux_buffer(tmux_on, tmp_path):
    done = tmp_path / "done.json"
    tmux_on.run_in_pane([sys.executable, "-c", PANE_PROGRAM, CITATION, str(done)], done)
    report = json.loads(done.read_text())
    assert report["tmux"] is True
    assert report["method"] == "osc52"
    assert report["message"].startswith("Sent via OSC 52 — if nothing pasted, tmux has it (set-clipboard on): "
                                        "allow clipboard access in the terminal around tmux")
    # tmux decoded the OSC 52 sequence into its paste buffer: the exact text, Unicode and newline.
    assert tmux_on.buffer() == CITATION
    # OSC 52 cannot be confirmed, so the text was kept in the clips file as well.
    assert CITATION in Path(report["saved_to"]).read_text(encoding="utf-8")


def test_without_set_clipboard_tmux_keeps_nothing(tmux_off, tmp_path):
    """The trap the toast warns about: with set-clipboard off the sequence goes nowhere."""
    done = tmp_path / "done.json"
    tmux_off.run_in_pane([sys.executable, "-c", PANE_PROGRAM, "hilang", str(done)], done)
    assert tmux_off.buffer() in (None, "")
    report = json.loads(done.read_text())
    assert "in tmux run `tmux set -g set-clipboard on`" in report["message"]
    assert "hilang" in Path(report["saved_to"]).read_text(encoding="utf-8")


def test_cli_copy_inside_tmux(tmux_on, tmp_path):
    """`kemnaker-tui quotes --copy ID` in a tmux pane puts the citation in tmux's buffer."""
    import importlib.util
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui import cite
    from kemnaker_tui.cli import COMMANDS
    missing = [n for n in COMMANDS if importlib.util.find_spec(f"kemnaker_tui.commands.{n}") is None]
    if missing:
        pytest.skip(f"the CLI is not complete yet (no command modules: {', '.join(missing)})")
    seed = REPO / "corpus" / "004_f69a7a4bb58a05e0.txt"
    corpus = analyse_paths([str(seed)])
    quote = next((q for q in corpus.quotes if q.speaker == "Anwar Sanusi"), None)
    if quote is None:
        pytest.skip("quote extraction has not landed yet")
    expected = cite.cite_quote(corpus, quote, "md", "id")
    done = tmp_path / "done"
    script = (f"{_quote(sys.executable)} -m kemnaker_tui quotes {_quote(str(seed))} --copy {_quote(quote.id)}"
              f" --format md --lang id > {_quote(str(tmp_path / 'out'))} 2> {_quote(str(tmp_path / 'err'))};"
              f" echo $? > {_quote(str(done))}")
    tmux_on.run_in_pane(["sh", "-c", script], done)
    time.sleep(0.1)
    assert done.read_text().strip() == "0", (tmp_path / "err").read_text()
    assert (tmp_path / "out").read_text() == expected + "\n"
    assert "Sent via OSC 52" in (tmp_path / "err").read_text()
    assert tmux_on.buffer() == expected


def test_tmux_wrapping():
    seq = clipboard.osc52_sequence("hé")
    assert seq == "\x1b]52;c;aMOp\x07"
    plain, wrapped = clipboard.osc52_sequences("hé", env={"TMUX": "/tmp/tmux-0/default,1,0"})
    assert plain == seq
    assert wrapped == "\x1bPtmux;\x1b\x1b]52;c;aMOp\x07\x1b\\"
    assert clipboard.osc52_sequences("hé", env={}) == [seq]
    # TERM_PROGRAM=tmux alone does not make a tmux session (it is the outer terminal's name that is lost).
    assert clipboard.osc52_sequences("hé", env={"TERM_PROGRAM": "tmux"}) == [seq]
