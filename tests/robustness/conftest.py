"""Fixtures for the robustness tests: the committed sample folder of bad files,
a "hostile tree" built from it at test time (unreadable file, symlink loops,
FIFO, device link, names with control characters), hashing, and helpers to
run the real app headless while capturing every byte it writes."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_samples import EXPECTED  # noqa: E402

SAMPLES = HERE / "samples"
SEEDS = HERE.parent.parent / "corpus"

# Extra cases made at test time: name -> words the skip reason must contain
# (None: the file loads).
HOSTILE_NAME_OK = "evil\x1b]0;NAME-PWNED\x07\x9b2J.txt"     # a good article with a hostile name
HOSTILE_NAME_BAD = "bad\x1b[2J\x1b]52;c;QQ==\x07.png"         # a bad file with a hostile name
EXTRA_EXPECTED: dict[str, str | None] = {
    "secret.txt": "Permission denied",
    "self_loop.txt": "symbolic links",
    "dangling.txt": "No such file",
    "pipe.txt": "not a regular file",
    "to_dev_zero.txt": "not a regular file",
    "loop": "symlink loop",
    HOSTILE_NAME_OK: None,
    HOSTILE_NAME_BAD: "not a supported format",
}


@pytest.fixture(autouse=True)
def _no_real_clipboard(fake_copy):
    """Robustness tests never reach the real clipboard."""
    return fake_copy


def make_unreadable(path: Path, monkeypatch) -> None:
    """chmod 000; as root (CI containers) permissions do not bite, so the reader's
    open() of that one file is made to fail the way it would for a user."""
    path.chmod(0)
    if os.geteuid() != 0:
        return
    import builtins
    real_open = builtins.open

    def fake_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, mode, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", fake_open)


@pytest.fixture
def hostile_tree(tmp_path, monkeypatch) -> Path:
    """The samples plus the cases that cannot be committed."""
    root = tmp_path / "hostile"
    shutil.copytree(SAMPLES, root)
    good = (SAMPLES / "good_utf8.txt").read_bytes()
    (root / "secret.txt").write_bytes(good)
    make_unreadable(root / "secret.txt", monkeypatch)
    os.symlink("self_loop.txt", root / "self_loop.txt")
    os.symlink("nowhere.txt", root / "dangling.txt")
    os.symlink(root, root / "loop")                  # a folder loop: read once, reported once
    os.mkfifo(root / "pipe.txt")                     # would block a naive open()
    os.symlink("/dev/zero", root / "to_dev_zero.txt")  # would never end
    (root / HOSTILE_NAME_OK).write_bytes(good)
    (root / HOSTILE_NAME_BAD).write_bytes(b"\x89PNG\r\n")
    yield root
    (root / "secret.txt").chmod(0o644)


def all_expected() -> dict[str, str | None]:
    return {**EXPECTED, **EXTRA_EXPECTED}


def tree_state(root: Path) -> dict[str, tuple]:
    """Every entry below root (links not followed): content hash, mode, size, mtime."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            digest = None
            if os.path.isfile(p) and not os.path.islink(p) and st.st_mode & 0o444:
                with open(p, "rb") as fh:
                    digest = hashlib.sha256(fh.read()).hexdigest()
            elif os.path.islink(p):
                digest = "link:" + os.readlink(p)
            state[os.path.relpath(p, root)] = (digest, st.st_mode, st.st_size, st.st_mtime_ns)
    return state


# -- what the app writes to the terminal -------------------------------------

# Sequences Textual itself writes: CSI (cursor, colours, modes) and OSC 22
# (pointer shape). Anything else starting with ESC, and any other C0/C1
# control character, came from somewhere it must not.
TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\]22;[a-z-]*\x07")
FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def forbidden_in(output: str) -> list[str]:
    """Control characters left after removing Textual's own sequences, with context."""
    rest = TEXTUAL_SEQUENCES.sub("", output)
    return [repr(rest[max(0, m.start() - 20): m.end() + 20]) for m in FORBIDDEN.finditer(rest)][:10]


@pytest.fixture
def captured_output(monkeypatch):
    """Make run_test's headless driver render for real and keep every write."""
    from textual.drivers.headless_driver import HeadlessDriver
    written: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "is_headless", property(lambda self: False))
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: written.append(data))
    return written


def screen_text(app) -> str:
    """The current screen as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def wait_loaded(app, pilot, timeout: float = 30.0) -> None:
    import asyncio
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while app.explorer is None and app.load_error is None and loop.time() < deadline:
        await pilot.pause(0.05)
    await settle(app, pilot)


async def settle(app, pilot, timeout: float = 10.0) -> None:
    import asyncio
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await pilot.pause()
        if all(w.is_finished for w in app.workers) or loop.time() > deadline:
            break
        await asyncio.sleep(0.005)
    await pilot.pause()


def make_app(paths=None, corpus=None, settings=None):
    from kemnaker_tui.ui.app import KemnakerApp
    from kemnaker_tui.userdata import Settings
    return KemnakerApp([str(p) for p in paths] if paths else None, corpus=corpus,
                       settings=settings if settings is not None else Settings())
