"""Shared set-up for the UI tests: a private KEMNAKER_TUI_HOME, default
settings, no real clipboard, and an app on the hand-made fixture corpus."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ui_fixture import make_corpus  # noqa: E402


class FakeCopy:
    """Stands in for kemnaker_tui.clipboard.copy: records, touches nothing."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text, osc52_writer=None, **kwargs):
        self.texts.append(text)

        class Result:
            ok = True
            message = "Copied (test)"
            severity = "information"
        return Result()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KEMNAKER_TUI_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def fake_copy(monkeypatch):
    fake = FakeCopy()
    import kemnaker_tui.clipboard as clipboard
    monkeypatch.setattr(clipboard, "copy", fake)
    return fake


@pytest.fixture
def corpus():
    return make_corpus()


@pytest.fixture
def make_app(corpus):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings

    def factory(keys=None, corpus_=None, paths=None):
        settings = Settings(keys=dict(keys or {}))
        if paths is not None:
            return KemnakerApp(paths, settings=settings)
        return KemnakerApp(corpus=corpus_ or corpus, settings=settings)
    return factory
