"""Terminal injection: corpus text with OSC 52 (clipboard), OSC 0/2 (title),
OSC 8, DCS, CSI, C1 controls, BEL/BS/CR/NUL and markup-like brackets is shown
as inert text. Checked three ways: every byte the app writes (run_test with a
driver that renders for real), the screen's rendered segments, and the real
terminal (tmux: pane title and paste buffers untouched)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from conftest import (HOSTILE_NAME_BAD, HOSTILE_NAME_OK, forbidden_in, make_app, screen_text, settle,
                      wait_loaded)
from make_samples import CSI, DCS, OSC52, OSC_TITLE

# Raw payload pieces that must never be written (Textual writes other CSIs).
RAW = [OSC52, "\x1b]0;PWNED", "\x1b]2;PWNED", "\x1b]8;;https://evil", "\x1bP", "\x1b[2J", "\x1b[6n",
       "\x1b[?1049l", "\x1b[31;1m", "\x9b", "\x9d", "\x07", "\x08", "\x00"]


def assert_inert(written: list[str], where: str) -> None:
    output = "".join(written)
    assert output, "the capturing driver saw no output"
    without_pointer_shapes = re.sub(r"\x1b\]22;[a-z-]*\x07", "", output)   # Textual's own OSC 22
    for raw in RAW:
        assert raw not in without_pointer_shapes, f"{where}: {raw!r} reached the terminal"
    leaks = forbidden_in(output)
    assert not leaks, f"{where}: control characters reached the terminal: {leaks}"


def assert_screen_inert(app, where: str) -> str:
    text = screen_text(app)
    bad = [c for c in text if (ord(c) < 32 and c != "\n") or 0x7f <= ord(c) <= 0x9f]
    assert not bad, f"{where}: control characters in rendered segments: {sorted(set(map(hex, map(ord, bad))))}"
    return text


async def test_every_screen_writes_only_inert_text(hostile_tree, captured_output, private_settings):
    app = make_app([hostile_tree], settings=private_settings)
    async with app.run_test(size=(130, 45), notifications=True) as pilot:
        await wait_loaded(app, pilot)
        seen = []
        assert_screen_inert(app, "overview")
        articles = app.screen.query_one("#overview-articles")
        prompts = [getattr(o.prompt, "plain", str(o.prompt)) for o in articles.options]
        assert any("Judul �]52;c;" in p for p in prompts)     # the hostile title, escape shown as �
        assert sum("Settings" == n.title for n in app._notifications) == 2   # hostile settings: told, inert
        for key in ("s",):                              # skipped files: hostile names shown inert
            await pilot.press(key)
            await settle(app, pilot)
            text = assert_screen_inert(app, "skipped")
            assert "bad�[2J�]52;c;QQ==" in text, text
            await pilot.press("escape")
            await settle(app, pilot)
        corpus = app.explorer.corpus
        for article in corpus.articles:                 # every article, scrolled to its end
            app.open_article(article.key)
            await settle(app, pilot)
            text = assert_screen_inert(app, article.key)
            seen.append(text)
            await pilot.press("G")
            await settle(app, pilot)
            assert_screen_inert(app, article.key + " end")
            await pilot.press("a")                      # a quote (if any) to the basket
            await settle(app, pilot)
            await pilot.press("escape")
            await settle(app, pilot)
        joined = "\n".join(seen)
        assert "[bold]Judul[/bold]" in joined           # brackets render literally
        assert "[bold]tebal[/bold] [red]merah[/] [link=https://evil.example]tautan[/link] [/]" in joined
        assert "[@click=app.quit]keluar[/]" in joined
        for query in ("Judul", "[bold]", "PWNED", "[/] \"kami person:[b"):
            await pilot.press("slash")
            await settle(app, pilot)
            app.screen.query_one("SearchView Input").value = query
            await settle(app, pilot)
            await pilot.pause(0.3)
            await settle(app, pilot)
            assert_screen_inert(app, f"search {query!r}")
            for key in ("tab", "down", "right", "down", "right", "down"):
                await pilot.press(key)
                await settle(app, pilot)
                assert_screen_inert(app, f"search {query!r} {key}")
        for key in ("t", "down", "down", "enter"):
            await pilot.press(key)
            await settle(app, pilot)
            assert_screen_inert(app, f"timeline {key}")
        await pilot.press("escape")
        await settle(app, pilot)
        for entity in corpus.entities:                  # entity pages; filter notifications
            app.open_entity(entity.id)
            await settle(app, pilot)
            assert_screen_inert(app, entity.id)
            app.toggle_entity_filter(entity.id)
            await settle(app, pilot)
            await pilot.press("escape")
            await settle(app, pilot)
        await pilot.press("b")                          # the basket of hostile quotes
        await settle(app, pilot)
        assert_screen_inert(app, "basket")
        await pilot.press("escape")
        await pilot.press("ctrl+p")                     # palette: entity names as commands
        await settle(app, pilot)
        await pilot.press(*"filter")
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert_screen_inert(app, "palette")
        await pilot.press("escape")
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert_screen_inert(app, "help")
        assert app.return_code is None                  # nothing crashed, nothing quit
    assert_inert(captured_output, "session")


@pytest.fixture
def private_settings(_private_home):
    """A settings file holding hostile values: its warnings reach notifications."""
    from kemnaker_tui.userdata import load_settings, settings_path
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[citation]\nformat = "\\u001b]52;c;QQ==\\u0007[/] [@click=app.quit]x[/]"\n'
                    'language = "\\u009b2J"\n', encoding="utf-8")
    settings = load_settings()
    assert len(settings.warnings) == 2
    return settings


async def test_markup_in_notifications_cannot_crash_or_act(captured_output):
    """Notifications carry paths, names and settings values: never markup."""
    from kemnaker_tui.ui.app import KemnakerApp
    app = make_app(corpus=_tiny_corpus())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_loaded(app, pilot)
        KemnakerApp.notify(app, "unbalanced [/] and [/x] [@click=app.quit]quit[/] " + OSC52 + OSC_TITLE)
        app.screen.notify("from a widget [/] " + CSI + DCS)   # widgets pass markup=True
        await settle(app, pilot)
        await pilot.pause(0.2)
        text = assert_screen_inert(app, "toasts")
        assert "unbalanced [/] and [/x]" in text and "from a widget [/]" in text
        assert app.return_code is None
    assert_inert(captured_output, "notifications")


def _tiny_corpus():
    from kemnaker_tui.analysis.pipeline import analyse
    from kemnaker_tui.corpus.reader import ReadResult
    from kemnaker_tui.model import RawDocument
    from make_samples import HOSTILE
    return analyse(ReadResult(documents=[RawDocument("hostile.txt", "/x/hostile.txt", HOSTILE, "utf-8")]))


# -- the real terminal ---------------------------------------------------------

@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_title_and_clipboard_untouched(hostile_tree, tmp_path):
    """tmux with set-clipboard on: an OSC 52 that reached it would create a paste
    buffer, an OSC 0/2 would change the pane title. After the app has shown every
    article, neither happened; then a positive control proves the probe works."""
    session = f"kemnaker-inject-{uuid.uuid4().hex[:8]}"
    conf = tmp_path / "tmux.conf"
    conf.write_text("set -g set-clipboard on\nset -g allow-rename on\nset -g status off\n")
    env = dict(os.environ, KEMNAKER_TUI_HOME=str(tmp_path / "home"), TERM="xterm-256color",
               TMUX_TMPDIR=str(tmp_path))
    env.pop("TMUX", None)

    def tmux(*args, check=True):
        return subprocess.run(["tmux", "-f", str(conf), *args], check=check, capture_output=True,
                              text=True, env=env).stdout

    def screen():
        return tmux("capture-pane", "-p", "-t", session, check=False)

    def wait_for(needle, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = screen()
            if needle in text:
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {needle!r}:\n{screen()}")

    command = (f"printf '\\033]2;BEFORE\\033\\\\'; {sys.executable} -m kemnaker_tui {hostile_tree}; "
               f"echo KEMNAKER-EXIT=$?; read x; printf '\\033]52;c;Q09OVFJPTA==\\a\\033]2;CONTROL\\a'; "
               f"echo CONTROL-DONE; sleep 60")
    tmux("new-session", "-d", "-s", session, "-x", "130", "-y", "40", command)
    try:
        wait_for("Kemnaker news corpus")
        title = tmux("display", "-p", "-t", session, "#{pane_title}").strip()
        assert title == "BEFORE"
        seen = []
        n_articles = 15
        for _ in range(n_articles):          # open each article in the overview list, then the next
            tmux("send-keys", "-t", session, "Enter")
            time.sleep(0.4)
            seen.append(screen())
            tmux("send-keys", "-t", session, "G")
            time.sleep(0.2)
            tmux("send-keys", "-t", session, "Escape")
            time.sleep(0.3)
            tmux("send-keys", "-t", session, "Down")
        tmux("send-keys", "-t", session, "s")
        wait_for("Skipped files")
        time.sleep(0.5)                                        # let the list take the focus on a slow machine
        hostile = "bad�[2J�]52;c;QQ=="                     # the hostile name, shown inert
        for _ in range(60):                                # long temp paths wrap: scroll the list to it
            if hostile in screen():
                break
            tmux("send-keys", "-t", session, "Down")
            time.sleep(0.1)
        seen.append(wait_for(hostile))
        tmux("send-keys", "-t", session, "Escape")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "/")
        tmux("send-keys", "-t", session, "-l", "Judul")
        time.sleep(1.0)
        seen.append(screen())
        joined = "\n".join(seen)
        assert "[bold]Judul[/bold]" in joined and "[@click=app.quit]keluar[/]" in joined
        assert tmux("display", "-p", "-t", session, "#{pane_title}").strip() == "BEFORE"
        assert tmux("list-buffers", check=False).strip() == "", "OSC 52 from the corpus reached tmux"
        tmux("send-keys", "-t", session, "Escape")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "q")
        wait_for("KEMNAKER-EXIT=", timeout=20)
        assert tmux("display", "-p", "-t", session, "#{pane_title}").strip() == "BEFORE"
        assert tmux("list-buffers", check=False).strip() == ""
        # positive control: the same sequences printed by a shell do take effect
        tmux("send-keys", "-t", session, "Enter")
        wait_for("CONTROL-DONE", timeout=10)
        assert tmux("display", "-p", "-t", session, "#{pane_title}").strip() == "CONTROL"
        assert "CONTROL" in tmux("show-buffer", check=False)
    finally:
        tmux("kill-server", check=False)


def test_hostile_file_name_loads_and_is_shown_escaped(hostile_tree):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    corpus = analyse_paths([hostile_tree])
    assert any(a.key == HOSTILE_NAME_OK for a in corpus.articles)
    assert any(s.path.endswith(HOSTILE_NAME_BAD) for s in corpus.skipped)
