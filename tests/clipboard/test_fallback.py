"""When nothing can reach a clipboard, the text goes to the clips file and the message says where."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kemnaker_tui import clipboard, userdata

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_tools(tmp_path):
    """An environment with no clipboard tool on PATH and no display."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX")}
    env["PATH"] = str(empty)
    return env


def test_no_tool_no_terminal_goes_to_clips_file(no_tools, tmp_path):
    """A real process with no controlling terminal and no tools (subprocess, new session)."""
    code = ("from kemnaker_tui import clipboard;"
            "r = clipboard.copy('“Kutipan satu” — Anwar Sanusi');"
            "print(r.ok, r.method, r.severity); print(r.message)")
    env = dict(no_tools, PATH=no_tools["PATH"])
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=20, start_new_session=True)
    assert proc.returncode == 0, proc.stderr
    status, message = proc.stdout.strip().split("\n")
    assert status == "False file warning"
    clips = userdata.clips_path()
    assert message.startswith("No clipboard reachable (no terminal to send OSC 52 to; no clipboard tool found")
    assert message.endswith(f"saved to {clips}")
    assert "“Kutipan satu” — Anwar Sanusi\n" in clips.read_text(encoding="utf-8")


def test_clips_file_appends(no_tools):
    for n in (1, 2):
        r = clipboard.copy(f"kutipan {n}", use_osc52=False, env=no_tools)
        assert r.saved_to == userdata.clips_path()
    text = userdata.clips_path().read_text(encoding="utf-8")
    assert text.index("kutipan 1") < text.index("kutipan 2")
    assert text.count("----- ") == 2


def test_osc52_writer_failure_is_reported(no_tools):
    def broken(_seq: str) -> None:
        raise OSError("terminal went away")
    r = clipboard.copy("x", osc52_writer=broken, env=no_tools)
    assert not r.osc52_sent and not r.ok
    assert "could not write OSC 52: terminal went away" in r.message


def test_osc52_only_says_what_to_do(no_tools):
    sent: list[str] = []
    r = clipboard.copy("x", osc52_writer=sent.append, env=dict(no_tools, TERM_PROGRAM="iTerm.app"))
    assert r.ok and r.method == "osc52" and r.severity == "warning"
    assert r.message.startswith("Sent via OSC 52 — if nothing pasted, iTerm2: Settings")
    assert f"Also saved to {userdata.clips_path()}" in r.message
    assert sent == [clipboard.osc52_sequence("x")]


def test_nothing_works_at_all_is_an_error(no_tools, tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    r = clipboard.copy("x", use_osc52=False, env=no_tools, clips_path=blocked / "clips.txt")
    assert not r.ok and r.saved_to is None
    assert r.severity == "error"
    assert r.message.startswith("Not copied: no clipboard tool found")
    assert "could not write the clips file" in r.message


def test_native_tool_that_hangs_times_out(tmp_path, no_tools):
    slow = Path(no_tools["PATH"]) / "xclip"
    slow.write_text("#!/bin/sh\nexec /bin/sleep 30\n")
    slow.chmod(0o755)
    r = clipboard.copy("x", use_osc52=False, env=dict(no_tools, DISPLAY=":0"), timeout=0.5)
    assert "xclip did not finish within 0.5 s" in r.message
    assert r.saved_to is not None


def test_tool_choice_per_session(tmp_path):
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for name in ("wl-copy", "xclip", "xsel", "pbcopy"):
        (bin_ / name).write_text("#!/bin/sh\ncat >/dev/null\n")
        (bin_ / name).chmod(0o755)
    path = str(bin_)
    find = clipboard.find_native_tool
    assert find({"PATH": path, "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux").name == "wl-copy"
    assert find({"PATH": path, "DISPLAY": ":0"}, "linux").name == "xclip"
    assert find({"PATH": path}, "darwin").name == "pbcopy"
    assert find({"PATH": path}, "linux") is None           # over SSH without X forwarding
    (bin_ / "xclip").unlink()
    assert find({"PATH": path, "DISPLAY": ":0"}, "linux").name == "xsel"
