"""The real X11 clipboard: Xvfb + xclip (Debian packages xvfb, xclip)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kemnaker_tui import cite, clipboard, userdata

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xclip")),
                                reason="needs Xvfb and xclip (apt-get install xvfb xclip)")


@pytest.fixture
def xvfb():
    """A private X server on a free display (Xvfb picks it: -displayfd, safe under xdist)."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "320x240x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as fh:
            number = fh.readline().strip()
        assert number, "Xvfb did not report a display"
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def x_env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "TMUX")}
    env["DISPLAY"] = display
    return env


def read_clipboard(display: str) -> str:
    out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=x_env(display),
                         capture_output=True, timeout=5)
    assert out.returncode == 0, out.stderr
    return out.stdout.decode("utf-8")


def test_citation_lands_in_the_x11_clipboard(xvfb, hand_corpus):
    expected = cite.cite_quote(hand_corpus, "q1", "plain", "id")
    sent: list[str] = []
    started = time.monotonic()
    result = clipboard.copy(expected, osc52_writer=sent.append, env=x_env(xvfb))
    assert time.monotonic() - started < 2, "the copy must not wait for xclip's selection child"
    assert result.native == "xclip"
    assert result.ok and result.method == "xclip"
    assert result.message == "Copied via xclip (and OSC 52)"
    assert result.severity == "information"
    assert result.saved_to is None and not userdata.clips_path().exists()
    assert sent == [clipboard.osc52_sequence(expected)]
    assert read_clipboard(xvfb) == expected      # exactly, Unicode quotes and dashes included


def test_markdown_citation_round_trip(xvfb, hand_corpus):
    expected = cite.cite_quote(hand_corpus, "q2", "md", "en")
    result = clipboard.copy(expected, use_osc52=False, env=x_env(xvfb))
    assert result.message == "Copied via xclip"
    assert read_clipboard(xvfb) == expected


def test_piped_caller_does_not_hang(xvfb):
    """xclip forks a child that holds the selection; a caller whose output is piped must not wait on it."""
    code = ("from kemnaker_tui import clipboard;"
            "r = clipboard.copy('Halo “Jepang”', use_osc52=False);"
            "print(r.method, r.message)")
    proc = subprocess.run([sys.executable, "-c", code], env=x_env(xvfb), cwd=REPO,
                          capture_output=True, text=True, timeout=15)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "xclip Copied via xclip"
    assert read_clipboard(xvfb) == "Halo “Jepang”"


def test_display_without_server_is_reported_not_silent(tmp_path):
    """DISPLAY set, no X server there: xclip fails, the toast says why, the text is kept."""
    env = x_env(":987")  # nothing listens there
    result = clipboard.copy("kutipan", use_osc52=False, env=env)
    assert not result.ok
    assert result.native is None
    assert any(a.method == "xclip" and not a.ok for a in result.attempts)
    assert "xclip failed" in result.message
    assert str(userdata.clips_path()) in result.message
    assert "kutipan" in userdata.clips_path().read_text(encoding="utf-8")
