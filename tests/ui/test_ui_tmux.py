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

    def wait_for(self, *needles: str, timeout: float = 60.0) -> str:
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
    yield from _tmux(tmp_path, 120, 40)


@pytest.fixture
def small_tmux(tmp_path):
    yield from _tmux(tmp_path, 80, 24)


def _tmux(tmp_path, width: int, height: int):
    session = f"kemnaker-test-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ, KEMNAKER_TUI_HOME=str(tmp_path / "home"), TERM="xterm-256color",
               TMUX_TMPDIR=str(tmp_path))
    env.pop("TMUX", None)
    t = Tmux(session, env)
    command = (f"{sys.executable} -m kemnaker_tui {bundled_corpus_path()}; "
               f"echo KEMNAKER-EXIT=$?; sleep 60")
    t.run("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command)
    t.run("resize-window", "-t", session, "-x", str(width), "-y", str(height), check=False)
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


def test_small_terminal_80x24(small_tmux):
    """At 80×24: the overview's article list is on screen and reachable, the
    sidebar starts hidden and `e` brings it, its filter box takes a space,
    search finds an acronym without typo matches, and the timeline fits."""
    t = small_tmux
    screen = t.wait_for("Kemnaker news corpus", "Articles, newest first", timeout=60)
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
    assert "Entities" not in lines[0]                # the sidebar is hidden at 80 columns
    assert any("jpnn.com" in line for line in lines)  # article rows are on screen
    time.sleep(0.3)
    t.keys("Down")
    t.keys("Enter")                                  # open the second article
    t.wait_for("sentence 1/")
    t.keys("Escape")
    t.wait_for("Articles, newest first")
    time.sleep(0.3)
    t.keys("e")
    t.wait_for("Entities", "People")
    t.keys("-l", "anwar sanusi")
    screen = t.wait_for("anwar sanusi")             # the space went into the filter box
    t.keys("Down")
    time.sleep(0.3)
    t.keys("Space")
    t.wait_for("Filtered by:")
    t.keys("x")
    time.sleep(0.3)
    t.keys("/")
    t.wait_for("newest first")
    time.sleep(0.3)
    t.keys("-l", "JICA")
    screen = t.wait_for("hits in", "Art")            # a narrow pane: short tab names, all four in sight
    assert "Fig." in screen
    assert "jika" not in screen.lower()
    t.keys("Escape")
    time.sleep(0.3)
    t.keys("t")
    screen = t.wait_for("meetings", "year inferred")
    assert all(len(line) <= 80 for line in screen.splitlines())
    t.keys("q")
    screen = t.wait_for("KEMNAKER-EXIT=", timeout=15)
    assert "KEMNAKER-EXIT=0" in screen or "KEMNAKER-EXIT=3" in screen
