"""UI monkey test: 10,000 random key presses and terminal resizes through Pilot,
on the seed corpus and on the hostile samples (skipped files, escape
sequences, markup brackets). No crash; the app keeps running. Quitting is
counted instead of obeyed so the monkey keeps going; the clipboard is fake
and the working directory is a temp folder (the basket export may write).

``Pilot.press`` waits for the process to look idle (CPU vs wall clock, ~60 ms
a key on a busy machine); most keys here go the same way into the driver and
then wait with Pilot's own "every message processed" (``_wait_for_screen``),
which is deterministic and ~10x faster. Every 100th key uses ``Pilot.press``."""
from __future__ import annotations

import random
import unicodedata
from collections import Counter

import pytest

from conftest import SAMPLES, SEEDS, settle, wait_loaded

KEYS_PER_RUN = int(__import__("os").environ.get("MONKEY_KEYS", 1250))   # 8 runs: 10,000 keys
PRESSED: Counter = Counter()

APP_KEYS = ["slash", "t", "e", "o", "b", "s", "question_mark", "f1", "q", "y", "c", "a", "H", "n", "N", "j", "k",
            "g", "G", "x", "escape", "enter", "tab", "shift+tab", "up", "down", "left", "right", "pageup",
            "pagedown", "home", "end", "backspace", "delete", "space", "ctrl+p", "ctrl+e", "ctrl+c", "ctrl+q",
            "ctrl+a", "ctrl+z", "ctrl+w", "ctrl+u", "ctrl+l", "ctrl+d", "ctrl+s", "alt+t", "f2", "f10"]
TEXT_KEYS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -:\"'[]()*/?.,;#@!~\\") + [
    "é", "ü", "日", "🇮"]


def _monkey_app(paths):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings

    import kemnaker_tui.ui.app as app_module
    from pathlib import Path

    class MonkeyApp(KemnakerApp):
        CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))   # relative paths follow the subclass
        quits = 0

        async def action_quit(self) -> None:      # counted, not obeyed
            self.quits += 1

        async def action_help_quit(self) -> None:
            self.quits += 1

        def action_suspend_process(self) -> None:
            self.quits += 1

    return MonkeyApp([str(p) for p in paths], settings=Settings())


async def fast_press(pilot, key: str) -> None:
    """What ``Pilot.press`` sends (``App._press_keys``), then wait for the screen."""
    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
    app = pilot.app
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)
    await pilot._wait_for_screen()


def _next_key(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(APP_KEYS)
    return rng.choice(TEXT_KEYS)


@pytest.mark.parametrize("corpus,seed", [("seeds", 1), ("samples", 2), ("seeds", 3), ("samples", 4),
                                         ("seeds", 5), ("samples", 6), ("seeds", 7), ("samples", 8)])
async def test_random_keys_and_resizes(corpus, seed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rng = random.Random(seed)
    app = _monkey_app([SEEDS] if corpus == "seeds" else [SAMPLES])
    history: list[str] = []
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_loaded(app, pilot)
        assert app.explorer is not None, app.load_error
        if corpus == "samples":
            assert app.explorer.corpus.skipped
        for n in range(KEYS_PER_RUN):
            if n % 97 == 0:
                size = (rng.randint(12, 200), rng.randint(4, 60))
                history.append(f"resize{size}")
                await pilot.resize_terminal(*size)
                PRESSED["resizes"] += 1
            key = _next_key(rng)
            history.append(key)
            try:
                await (pilot.press(key) if n % 100 == 0 else fast_press(pilot, key))
            except Exception as exc:
                raise AssertionError(f"seed {seed}: crash after {history[-40:]}") from exc
            PRESSED["keys"] += 1
            if n % 50 == 0:
                await settle(app, pilot, timeout=5)
            assert app._exception is None, f"crash after {history[-40:]}"
            assert app.is_running, f"the app stopped after {history[-40:]}"
        await settle(app, pilot)
        assert app.return_code is None
    # leaving run_test re-raises any exception the app caught


def test_zz_report_keys():
    print("\nmonkey:", dict(PRESSED))


@pytest.mark.parametrize("size", [(26, 9), (12, 4), (40, 3)])
async def test_page_keys_where_lists_have_no_room(size):
    """Found by the monkey: on a narrow terminal the centre lists get 0 columns and
    Textual's OptionList page up/down raised KeyError."""
    app = _monkey_app([SEEDS])
    async with app.run_test(size=size) as pilot:
        await wait_loaded(app, pilot)
        for key in ("t", "pageup", "pagedown", "o", "pagedown", "pageup", "s", "pagedown", "escape",
                    "question_mark", "pageup", "escape", "e", "pagedown", "slash", "pagedown"):
            await fast_press(pilot, key)
            assert app._exception is None, key
        await settle(app, pilot)


async def test_closing_the_palette_while_it_gathers():
    """Found by the monkey: typing in the command palette and closing it at once
    let Textual's gather worker hit a removed CommandList (NoMatches) and end the app."""
    from textual import events
    app = _monkey_app([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(app, pilot)
        rng = random.Random(0)

        def send(key, char=None):
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        for _ in range(150):
            send("ctrl+p")
            for _ in range(rng.randint(0, 3)):
                send("a", "a")
            send("escape")
            await pilot._wait_for_screen()
            assert app._exception is None
        await settle(app, pilot)
