"""Progress for every stage: the library reports each one (none left sitting
at 100 %), the CLI draws them only on a terminal, the explorer shows them."""
from __future__ import annotations

import asyncio
import io

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui import library
from tests.library.helpers import run_cli


def test_every_stage_reports_and_ends(synthetic):
    seen: list[tuple[str, int, int]] = []
    library.index([str(synthetic)], jobs=2, progress=lambda s, d, t: seen.append((s, d, t)))
    stages = list(dict.fromkeys(s for s, _d, _t in seen))
    assert stages == ["scan", "analyse", "load", "merge", "index"]
    for stage in stages:
        last = [(d, t) for s, d, t in seen if s == stage][-1]
        assert last[1] and last[0] == last[1], f"{stage} ended at {last}"
    merge = [(d, t) for s, d, t in seen if s == "merge"]
    assert len(merge) >= 3 and merge[0][0] < merge[-1][0]      # it moves, it does not jump from 0 to 100 %


def test_piped_cli_prints_no_progress(synthetic):
    done = run_cli("index", str(synthetic), "--json")
    assert done.returncode == 0
    assert "store:" not in done.stderr and "\r" not in done.stderr and "Analysing" not in done.stderr
    searched = run_cli("search", "magang", str(synthetic), "--json")
    assert searched.returncode == 0 and searched.stderr == ""


def test_terminal_progress_draws_every_stage(monkeypatch):
    from rich.console import Console

    from kemnaker_tui.commands import progress as prog
    out = io.StringIO()
    monkeypatch.setattr(prog, "_console", lambda: Console(file=out, force_terminal=True, width=100))
    with prog.terminal_progress(enabled=True) as report:
        for stage in ("scan", "analyse", "merge", "index"):
            for n in range(0, 101, 50):
                report(stage, n, 100)
    drawn = out.getvalue()
    for label in ("Checking files", "Analysing articles", "Merging entities", "Building the search index"):
        assert label in drawn


async def test_explorer_shows_each_stage(synthetic):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.ui.screens.main import MainScreen
    from kemnaker_tui.userdata import Settings

    shown: list[str] = []
    real = MainScreen.show_progress

    def record(self, stage, done, total):
        shown.append(stage)
        real(self, stage, done, total)
    MainScreen.show_progress = record
    try:
        app = KemnakerApp([str(synthetic)], settings=Settings(), jobs=2, watch=False)
        async with app.run_test(size=(100, 30)) as pilot:
            while app.explorer is None and app.load_error is None:
                await asyncio.sleep(0.02)
            await pilot.pause()
    finally:
        MainScreen.show_progress = real
    assert app.load_error is None
    order = list(dict.fromkeys(shown))
    for stage in ("scan", "analyse", "merge", "index"):
        assert stage in order
    assert order.index("analyse") < order.index("merge") < order.index("index")
