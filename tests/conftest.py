"""Shared fixtures: user data kept out of the real home, and small corpora
written from Indonesian sentences in the tests themselves."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Settings, aliases, basket and clips of every test live in a temp folder."""
    home = tmp_path_factory.mktemp("kemnaker-home")
    monkeypatch.setenv("KEMNAKER_TUI_HOME", str(home))
    yield home


@pytest.fixture
def write_corpus(tmp_path):
    """write_corpus({"a.txt": "…"}) -> folder with those files (str or bytes)."""
    def write(files: dict[str, str | bytes], folder: str = "corpus") -> Path:
        root = tmp_path / folder
        root.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root
    return write


@pytest.fixture
def analyse_texts(write_corpus):
    """analyse_texts({"a.txt": "…"}) -> Corpus, finished as the commands finish it
    (the alias file and corrections applied)."""
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.corrections import finish

    def run(files: dict[str, str | bytes], alias_file=None, corrections_file=None):
        return finish(analyse_paths([write_corpus(files)]), corrections_file, alias_file).corpus
    return run


class FakeCopy:
    """Stands in for kemnaker_tui.clipboard.copy: records the texts, touches no clipboard."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text, osc52_writer=None, **kwargs):
        self.texts.append(text)

        class Result:
            ok = True
            message = "Copied (test)"
            severity = "information"
        return Result()


@pytest.fixture
def fake_copy(monkeypatch):
    """No xclip, no OSC 52: copies are recorded on the returned FakeCopy."""
    fake = FakeCopy()
    import kemnaker_tui.clipboard as clipboard
    monkeypatch.setattr(clipboard, "copy", fake)
    return fake


SEEDS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def seed_corpus():
    from kemnaker_tui.analysis.pipeline import analyse_paths
    return analyse_paths([SEEDS])
