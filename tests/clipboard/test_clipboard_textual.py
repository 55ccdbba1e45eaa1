"""The UI recipe from clipboard's docstring works inside a Textual app (thread worker + toast)."""
from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.widgets import Static

from kemnaker_tui import clipboard, userdata

TEXT = "“Kutipan” — Anwar Sanusi"


class CopyApp(App):
    """Shaped like the real app: copy_to_clipboard is overridden to call clipboard.copy."""
    BINDINGS = [("y", "copy", "Copy")]

    def __init__(self) -> None:
        super().__init__()
        self.results: list[clipboard.CopyResult] = []
        self.written: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("kutipan")

    def on_mount(self) -> None:
        real_write = self._driver.write
        self._driver.write = lambda data: (self.written.append(data), real_write(data))[1]

    def action_copy(self) -> None:
        self.copy_to_clipboard(TEXT)

    def copy_to_clipboard(self, text: str) -> None:
        self._clipboard = text
        self.copy_out(text)

    @work(thread=True)
    def copy_out(self, text: str) -> None:
        result = clipboard.copy(text, osc52_writer=clipboard.app_osc52_writer(self))
        self.results.append(result)
        self.call_from_thread(self.notify, result.message, severity=result.severity)


async def test_copy_from_a_worker_writes_osc52_once_and_toasts(tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for var in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TMUX", "/tmp/tmux-test,1,0")        # both sequences are written
    app = CopyApp()
    async with app.run_test() as pilot:
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == TEXT
        assert len(app.results) == 1                        # no copy loop through copy_to_clipboard
        assert app.results[0].method == "osc52"
        assert [w for w in app.written if "52;c;" in w] == clipboard.osc52_sequences(TEXT, tmux=True)
        messages = [n.message for n in app._notifications]
        assert messages and messages[0].startswith("Sent via OSC 52 — if nothing pasted, in tmux run")
        assert str(userdata.clips_path()) in messages[0]
