"""Shared set-up for the UI tests: a private KEMNAKER_TUI_HOME, default
settings, no real clipboard, and an app on the hand-made fixture corpus."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ui_fixture import make_corpus  # noqa: E402


@pytest.fixture(autouse=True)
def _no_real_clipboard(fake_copy):
    """UI tests never reach the real clipboard."""
    return fake_copy


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
