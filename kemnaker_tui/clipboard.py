"""Copy text to the user's real clipboard — or say exactly why not. No UI imports.

    result = copy(text, osc52_writer=None)      # blocking (≤ ~2 s): call it off the UI thread
    result.ok          # True when a native tool took the text or OSC 52 was sent
    result.method      # "xclip", "wl-copy", …, "osc52", "file" or None
    result.message     # one line for the toast / the CLI ("Copied via xclip", …)
    result.severity    # "information" | "warning" | "error" (Textual notify severities)
    result.attempts    # every path tried: Attempt(method, ok, detail)
    result.saved_to    # the clips file, when the text was appended to it

What ``copy`` does, in order:

1. OSC 52 (``ESC ] 52 ; c ; <base64> BEL``) through ``osc52_writer(sequence)``.
   Inside tmux ($TMUX) it sends the plain sequence (tmux stores it in a paste
   buffer and forwards it when ``set-clipboard on``) *and* the same sequence
   wrapped in tmux's DCS pass-through (reaches the outer terminal when
   ``allow-passthrough on``). With no writer it writes to /dev/tty, else to
   stdout when stdout is a terminal (the CLI case).
2. A native tool, the first found that suits the session: pbcopy (macOS),
   clip.exe (Windows/WSL), wl-copy (Wayland), xclip then xsel (X11). Run with a
   timeout, stdout/stderr detached (xclip/xsel fork a child that holds the
   selection and would keep a pipe open), in its own session so the selection
   outlives this program. For xclip, xsel and wl-copy the clipboard is read
   back (xclip -o, xsel -o, wl-paste) until it holds the text, so "Copied via
   xclip" is confirmed, not assumed (DISPLAY set with no X server fails loudly).
   Inside tmux the toast hint depends on ``tmux show-options -gv set-clipboard``.
3. If no tool took the text, it is also appended to ``userdata.clips_path()``
   (OSC 52 cannot be confirmed, so nothing is lost either way), and the
   message says where.

For a Textual app, run it in a thread worker and pass ``app_osc52_writer(app)``
(it writes through the app's driver, which is thread-safe)::

    @work(thread=True)
    def copy_text(self, text: str) -> None:
        result = clipboard.copy(text, osc52_writer=clipboard.app_osc52_writer(self))
        self.call_from_thread(self.notify, result.message, severity=result.severity)

Other helpers: ``osc52_sequences(text, tmux=None) -> list[str]``,
``find_native_tool(env=None) -> NativeTool | None``, ``append_to_clips_file(text)``.
"""
from __future__ import annotations

import base64
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

OscWriter = Callable[[str], None]

NATIVE_TIMEOUT = 2.0     # seconds a native tool may take
OSC52_SOFT_LIMIT = 74_994  # bytes of base64 some terminals accept (hterm, older xterm); warn above


@dataclass(frozen=True, slots=True)
class Attempt:
    method: str        # osc52 | pbcopy | clip.exe | wl-copy | xclip | xsel | file
    ok: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class NativeTool:
    name: str
    argv: tuple[str, ...]
    encoding: str = "utf-8"
    readback: tuple[str, ...] | None = None   # a command printing the clipboard, to confirm the copy


@dataclass(slots=True)
class CopyResult:
    text: str
    attempts: list[Attempt] = field(default_factory=list)
    saved_to: Path | None = None
    message: str = ""
    severity: str = "information"
    inside_tmux: bool = False

    @property
    def native(self) -> str | None:
        """The native tool that took the text (confirmed by its exit status)."""
        return next((a.method for a in self.attempts if a.ok and a.method not in ("osc52", "file")), None)

    @property
    def osc52_sent(self) -> bool:
        return any(a.ok and a.method == "osc52" for a in self.attempts)

    @property
    def ok(self) -> bool:
        return self.native is not None or self.osc52_sent

    @property
    def method(self) -> str | None:
        if self.native:
            return self.native
        if self.osc52_sent:
            return "osc52"
        return "file" if self.saved_to else None


# -- OSC 52 ------------------------------------------------------------------

_OSC52_PREFIX = "\x1b]52;c;"


def osc52_sequence(text: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"{_OSC52_PREFIX}{payload}\x07"


def tmux_wrap(sequence: str) -> str:
    """tmux DCS pass-through: every ESC inside is doubled."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def osc52_sequences(text: str, tmux: bool | None = None, env: Mapping[str, str] | None = None) -> list[str]:
    """The sequences to write: plain, plus the tmux-wrapped copy inside tmux."""
    env = os.environ if env is None else env
    inside_tmux = bool(env.get("TMUX")) if tmux is None else tmux
    seq = osc52_sequence(text)
    return [seq, tmux_wrap(seq)] if inside_tmux else [seq]


def tty_writer() -> OscWriter | None:
    """A writer for the controlling terminal (/dev/tty), else stdout if it is a tty, else None."""
    try:
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY)
    except OSError:
        fd = None
    if fd is not None:
        def write_tty(seq: str) -> None:
            data = seq.encode("ascii")
            while data:
                n = os.write(fd, data)
                data = data[n:]
        write_tty.close = lambda: os.close(fd)  # type: ignore[attr-defined]
        return write_tty
    try:
        if sys.stdout is not None and sys.stdout.isatty():
            def write_stdout(seq: str) -> None:
                sys.stdout.write(seq)
                sys.stdout.flush()
            return write_stdout
    except (AttributeError, ValueError):
        pass
    return None


def app_osc52_writer(app) -> OscWriter:
    """A writer for a running Textual App (duck-typed), safe to call from a worker thread.

    It writes through the app's driver (Textual's writer thread queues it). It
    never calls ``app.copy_to_clipboard``: apps override that to call ``copy``,
    which would loop. Set ``app._clipboard = text`` yourself if tests read
    ``app.clipboard``.
    """
    def write(seq: str) -> None:
        driver = getattr(app, "_driver", None)
        if driver is None:
            raise OSError("the app has no terminal driver")
        driver.write(seq)
    return write


# -- native tools ------------------------------------------------------------

def find_native_tool(env: Mapping[str, str] | None = None, platform: str | None = None) -> NativeTool | None:
    """The clipboard tool that suits this session, if installed (looked up on $PATH)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    path = env.get("PATH")

    def which(name: str) -> str | None:
        return shutil.which(name, path=path)

    if platform == "darwin" and (exe := which("pbcopy")):
        return NativeTool("pbcopy", (exe,))
    if platform in ("win32", "cygwin") or "microsoft" in _kernel_release():
        if exe := which("clip.exe") or which("clip"):
            return NativeTool("clip.exe", (exe,), encoding="utf-16")   # BOM + UTF-16LE: Unicode-safe
    if env.get("WAYLAND_DISPLAY") and (exe := which("wl-copy")):
        paste = which("wl-paste")
        return NativeTool("wl-copy", (exe, "--type", "text/plain;charset=utf-8"),
                          readback=(paste, "--no-newline", "--type", "text/plain;charset=utf-8") if paste else None)
    if env.get("DISPLAY"):
        if exe := which("xclip"):
            return NativeTool("xclip", (exe, "-selection", "clipboard", "-in"),
                              readback=(exe, "-selection", "clipboard", "-out"))
        if exe := which("xsel"):
            return NativeTool("xsel", (exe, "--clipboard", "--input"),
                              readback=(exe, "--clipboard", "--output"))
    return None


def _kernel_release() -> str:
    try:
        return os.uname().release.lower()
    except AttributeError:
        return ""


def run_native(tool: NativeTool, text: str, timeout: float = NATIVE_TIMEOUT,
               env: Mapping[str, str] | None = None) -> Attempt:
    """Give ``text`` to the tool on stdin; stdout detached, stderr to a temp file."""
    with tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(
                tool.argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err,
                close_fds=True, start_new_session=True,
                env=dict(os.environ if env is None else env),
            )
        except OSError as exc:
            return Attempt(tool.name, False, f"cannot run {tool.argv[0]}: {exc.strerror or exc}")
        try:
            proc.communicate(text.encode(tool.encoding), timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)   # its own session: the tool and any child
            except (OSError, AttributeError):     # AttributeError: no killpg on Windows
                proc.kill()
            proc.wait()
            return Attempt(tool.name, False, f"{tool.name} did not finish within {timeout:g} s")
        except OSError as exc:     # BrokenPipe: the tool died before reading
            proc.wait()
            return Attempt(tool.name, False, f"{tool.name} failed: {exc.strerror or exc}")
        if proc.returncode != 0:
            err.seek(0)
            reason = err.read().decode("utf-8", "replace").strip().splitlines()
            why = reason[-1] if reason else f"exit status {proc.returncode}"
            return Attempt(tool.name, False, f"{tool.name} failed: {why}")
    if tool.readback:
        # xclip, xsel and wl-copy exit while a forked child takes the selection, and that
        # child may not have told the server yet: wait until the clipboard holds the text.
        return _confirm(tool, text, timeout, env)
    return Attempt(tool.name, True, f"copied via {tool.name}")


def _confirm(tool: NativeTool, text: str, timeout: float, env: Mapping[str, str] | None) -> Attempt:
    want = text.encode(tool.encoding)
    deadline = time.monotonic() + min(timeout, 1.0)
    got = None
    while True:
        try:
            out = subprocess.run(tool.readback, stdin=subprocess.DEVNULL, capture_output=True,
                                 timeout=max(0.2, deadline - time.monotonic()),
                                 env=dict(os.environ if env is None else env))
        except (OSError, subprocess.SubprocessError):
            return Attempt(tool.name, True, f"copied via {tool.name} (not confirmed: no read-back)")
        got = out.stdout if out.returncode == 0 else None
        if got == want:
            return Attempt(tool.name, True, f"copied via {tool.name} (confirmed)")
        if time.monotonic() >= deadline:
            break
        time.sleep(0.01)
    return Attempt(tool.name, False, f"{tool.name} exited, but the clipboard does not hold the text")


# -- the fallback file -------------------------------------------------------

def append_to_clips_file(text: str, path: str | os.PathLike | None = None) -> Path:
    """Append ``text`` under a dated separator to the clips file; return its path."""
    from kemnaker_tui import userdata
    target = Path(path) if path is not None else userdata.clips_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(f"----- {stamp} -----\n{text.rstrip(chr(10))}\n\n")
        fh.flush()
        os.fsync(fh.fileno())
    return target


# -- the copy ----------------------------------------------------------------

def tmux_option(name: str, env: Mapping[str, str] | None = None) -> str | None:
    """The value of a global tmux option in the session we run in (None outside tmux or on error)."""
    env = os.environ if env is None else env
    if not env.get("TMUX") or not shutil.which("tmux", path=env.get("PATH")):
        return None
    try:
        out = subprocess.run(["tmux", "show-options", "-gv", name], env=dict(env), capture_output=True,
                             text=True, timeout=1, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def _osc52_hint(env: Mapping[str, str]) -> str:
    if env.get("TMUX"):
        if tmux_option("set-clipboard", env) == "on":
            return ("tmux has it (set-clipboard on): allow clipboard access in the terminal around tmux, "
                    "or paste inside tmux with prefix + ]")
        return "in tmux run `tmux set -g set-clipboard on` (and allow clipboard access in the outer terminal)"
    if env.get("STY"):
        return "GNU screen does not pass OSC 52 on; use tmux, or install xclip / wl-clipboard"
    if env.get("TERM_PROGRAM") == "Apple_Terminal":
        return "Terminal.app ignores OSC 52; use iTerm2 (allow clipboard access) or another terminal"
    if env.get("TERM_PROGRAM") == "iTerm.app":
        return "iTerm2: Settings → General → Selection → “Applications in terminal may access clipboard”"
    return "allow clipboard access (OSC 52) in your terminal's settings"


def _tool_hint(env: Mapping[str, str]) -> str:
    if env.get("WAYLAND_DISPLAY"):
        return "install wl-clipboard"
    if env.get("DISPLAY"):
        return "install xclip or xsel"
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return "over SSH only OSC 52 can reach your local clipboard"
    return "no display for xclip/wl-copy"


def copy(text: str, osc52_writer: OscWriter | None = None, *, use_osc52: bool = True,
         use_native: bool = True, fallback: bool = True, timeout: float = NATIVE_TIMEOUT,
         env: Mapping[str, str] | None = None, clips_path: str | os.PathLike | None = None) -> CopyResult:
    """Copy ``text`` by every path available; see the module docstring. Blocking."""
    env = os.environ if env is None else env
    result = CopyResult(text=text, inside_tmux=bool(env.get("TMUX")))

    # 1. OSC 52
    if use_osc52:
        writer = osc52_writer
        close = None
        if writer is None:
            writer = tty_writer()
            close = getattr(writer, "close", None)
        if writer is None:
            result.attempts.append(Attempt("osc52", False, "no terminal to send OSC 52 to"))
        else:
            try:
                for seq in osc52_sequences(text, env=env):
                    writer(seq)
                size = len(osc52_sequence(text))
                detail = "sent" + (f" ({size} bytes; some terminals drop sequences this long)"
                                   if size > OSC52_SOFT_LIMIT else "")
                result.attempts.append(Attempt("osc52", True, detail))
            except (OSError, ValueError, UnicodeError) as exc:
                result.attempts.append(Attempt("osc52", False, f"could not write OSC 52: {exc}"))
            finally:
                if close:
                    try:
                        close()
                    except OSError:
                        pass

    # 2. a native tool
    if use_native:
        tool = find_native_tool(env)
        if tool is None:
            result.attempts.append(Attempt("native", False, f"no clipboard tool found ({_tool_hint(env)})"))
        else:
            result.attempts.append(run_native(tool, text, timeout=timeout, env=env))

    # 3. the clips file, whenever no tool confirmed the copy
    if fallback and result.native is None:
        try:
            result.saved_to = append_to_clips_file(text, clips_path)
        except OSError as exc:
            result.attempts.append(Attempt("file", False, f"could not write the clips file: {exc}"))
        else:
            result.attempts.append(Attempt("file", True, f"appended to {result.saved_to}"))

    result.message, result.severity = _message(result, env)
    return result


def _message(result: CopyResult, env: Mapping[str, str]) -> tuple[str, str]:
    native = result.native
    if native:
        return f"Copied via {native}" + (" (and OSC 52)" if result.osc52_sent else ""), "information"
    failed_tool = next((a for a in result.attempts
                        if not a.ok and a.method not in ("osc52", "file")), None)
    saved = f" Also saved to {result.saved_to}." if result.saved_to else ""
    if result.osc52_sent:
        msg = f"Sent via OSC 52 — if nothing pasted, {_osc52_hint(env)}."
        if failed_tool and failed_tool.method != "native":
            msg += f" ({failed_tool.detail})"
        return msg + saved, "warning"
    reasons = "; ".join(a.detail for a in result.attempts if not a.ok)
    if result.saved_to:
        return f"No clipboard reachable ({reasons}) — saved to {result.saved_to}", "warning"
    return f"Not copied: {reasons or 'every copy path is turned off'}", "error"
