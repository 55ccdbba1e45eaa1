"""The real app in a real terminal: tmux runs ``kemnaker-tui`` on the bundled
corpus; keys go in with ``send-keys``, the screen comes back with
``capture-pane``. Search, open a hit, timeline, quit."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from kemnaker_tui.corpus.reader import bundled_corpus_path

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    def __init__(self, session: str, env: dict[str, str]) -> None:
        self.session = session
        self.env = env

    def run(self, *args: str, check: bool = True) -> str:
        return subprocess.run(["tmux", *args], check=check, capture_output=True, text=True,
                              env=self.env).stdout

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session, check=False)

    def wait_for(self, *needles: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if all(n in text for n in needles):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {needles!r}; screen was:\n{text}")


@pytest.fixture
def tmux(tmp_path):
    session = f"kemnaker-test-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ, KEMNAKER_TUI_HOME=str(tmp_path / "home"), TERM="xterm-256color",
               TMUX_TMPDIR=str(tmp_path))
    env.pop("TMUX", None)
    t = Tmux(session, env)
    command = (f"{sys.executable} -m kemnaker_tui {bundled_corpus_path()}; "
               f"echo KEMNAKER-EXIT=$?; sleep 60")
    t.run("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    t.run("resize-window", "-t", session, "-x", "120", "-y", "40", check=False)
    yield t
    t.run("kill-session", "-t", session, check=False)


def test_search_timeline_quit_in_tmux(tmux):
    tmux.wait_for("Kemnaker news corpus", "5 articles", timeout=60)
    time.sleep(0.3)
    tmux.keys("/")
    tmux.wait_for("words (typos ok)")
    time.sleep(0.3)
    tmux.keys("-l", "magang")
    tmux.wait_for("hits in", "Articles ", "Passages ", "Quotes ", "Figures ")
    tmux.keys("Enter")            # to the results
    time.sleep(0.3)
    tmux.keys("Enter")            # open the best hit
    screen = tmux.wait_for("hit 1/", "Next hit")
    assert "published" in screen or "no publication date" in screen
    tmux.keys("n")
    tmux.wait_for("hit 2/")
    tmux.keys("Escape")
    tmux.wait_for("hits in")
    time.sleep(0.3)               # a lone ESC must not merge with the next key (alt+t)
    tmux.keys("t")                # the timeline
    screen = tmux.wait_for("meetings", "year inferred")
    tmux.keys("q")
    screen = tmux.wait_for("KEMNAKER-EXIT=", timeout=15)
    assert "KEMNAKER-EXIT=0" in screen or "KEMNAKER-EXIT=3" in screen
