"""Where the user's files live, and the settings read from them. No UI imports.

Locations (platformdirs), all overridable at once by the environment variable
``KEMNAKER_TUI_HOME`` (``$KEMNAKER_TUI_HOME/config``, ``/data``, ``/cache``);
every test sets it so nothing touches the real home::

    config_dir() / data_dir() / cache_dir()      -> Path (not created)
    settings_path()   config_dir()/settings.toml  the user's settings
    aliases_path()    config_dir()/aliases.toml   the user's alias file (read as corrections)
    corrections_path() config_dir()/corrections.toml  the user's corrections (kemnaker_tui.corrections)
    basket_path()     data_dir()/basket.json      the clip basket (kemnaker_tui.basket)
    clips_path()      data_dir()/clips.txt        copies that reached no clipboard
    articles_dir()    data_dir()/articles         pages kept by `kemnaker-tui fetch`
    all_paths()       -> {name: Path} for ``kemnaker-tui paths``

Settings (``load_settings() -> Settings``, read with tomllib; a missing file
gives the defaults; a file that is not TOML is moved aside (renamed, kept) and
the defaults load with a warning saying where it went; a file with a bad value
keeps its good values and warns about the rest)::

    [citation]
    format = "plain"      # plain | md | csl | bibtex   (default for `y` and the CLI)
    language = "id"       # id | en                     (dates and labels in citations)

    [clipboard]
    osc52 = true          # send OSC 52 to the terminal
    native = true         # use wl-copy / xclip / xsel / pbcopy / clip.exe when found

    [keys]                # binding id -> key(s), passed to Textual's keymap by the UI
    copy = "c"
    "basket.add" = ["a", "ctrl+a"]

Helpers: ``atomic_write_text(path, text)`` (temp file in the same folder, fsync,
``os.replace``), ``move_aside(path, reason) -> Path`` (renames a corrupt file
to ``name.corrupt-YYYYmmdd-HHMMSS``, keeping it for the user),
``save_settings(settings)``.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "kemnaker-tui"
ENV_HOME = "KEMNAKER_TUI_HOME"

CITATION_FORMATS = ("plain", "md", "csl", "bibtex")
LANGUAGES = ("id", "en")


# -- locations ---------------------------------------------------------------

def _home_override() -> Path | None:
    value = os.environ.get(ENV_HOME, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "data"
    import platformdirs
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "cache"
    import platformdirs
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def aliases_path() -> Path:
    return config_dir() / "aliases.toml"


def corrections_path() -> Path:
    return config_dir() / "corrections.toml"


def basket_path() -> Path:
    return data_dir() / "basket.json"


def clips_path() -> Path:
    return data_dir() / "clips.txt"


def articles_dir() -> Path:
    """Where `kemnaker-tui fetch` keeps downloaded pages unless told --into."""
    return data_dir() / "articles"


def all_paths() -> dict[str, Path]:
    return {
        "config": config_dir(),
        "settings": settings_path(),
        "aliases": aliases_path(),
        "corrections": corrections_path(),
        "data": data_dir(),
        "basket": basket_path(),
        "clips": clips_path(),
        "articles": articles_dir(),
        "cache": cache_dir(),
        "store": cache_dir() / "library",
    }


# -- safe writing ------------------------------------------------------------

def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` so a reader sees the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def move_aside(path: str | os.PathLike, reason: str = "corrupt") -> Path:
    """Rename a file we cannot read to ``<name>.<reason>-<timestamp>``; return the new path."""
    path = Path(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    os.replace(path, target)
    return target


# -- settings ----------------------------------------------------------------

@dataclass
class Settings:
    citation_format: str = "plain"
    language: str = "id"
    osc52: bool = True
    native_clipboard: bool = True
    keys: dict[str, str | list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)   # problems found while reading
    path: Path | None = None

    def to_toml_dict(self) -> dict:
        return {
            "citation": {"format": self.citation_format, "language": self.language},
            "clipboard": {"osc52": self.osc52, "native": self.native_clipboard},
            "keys": dict(self.keys),
        }


def load_settings(path: str | os.PathLike | None = None) -> Settings:
    """Read settings.toml; never raises for a bad file (see ``Settings.warnings``)."""
    path = Path(path) if path is not None else settings_path()
    settings = Settings(path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return settings
    except OSError as exc:
        settings.warnings.append(f"cannot read {path}: {exc.strerror or exc}; using default settings")
        return settings
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        # Unreadable as a whole: kept under another name (nothing is lost) so the
        # next start is clean; a file that parses but has a bad value stays put.
        try:
            moved = move_aside(path, "corrupt")
            where = f"moved aside to {moved}"
        except OSError as move_exc:
            where = f"could not move it aside ({move_exc.strerror or move_exc})"
        settings.warnings.append(f"{path} is not valid TOML ({exc}); {where}; using default settings")
        return settings

    def problem(msg: str) -> None:
        settings.warnings.append(f"{path}: {msg}")

    citation = data.get("citation", {})
    if not isinstance(citation, dict):
        problem("[citation] must be a table")
        citation = {}
    fmt = citation.get("format", settings.citation_format)
    if fmt in CITATION_FORMATS:
        settings.citation_format = fmt
    else:
        problem(f"citation.format {fmt!r} is not one of {', '.join(CITATION_FORMATS)}")
    lang = citation.get("language", settings.language)
    if lang in LANGUAGES:
        settings.language = lang
    else:
        problem(f"citation.language {lang!r} is not one of {', '.join(LANGUAGES)}")

    clip = data.get("clipboard", {})
    if not isinstance(clip, dict):
        problem("[clipboard] must be a table")
        clip = {}
    for key, attr in (("osc52", "osc52"), ("native", "native_clipboard")):
        value = clip.get(key, getattr(settings, attr))
        if isinstance(value, bool):
            setattr(settings, attr, value)
        else:
            problem(f"clipboard.{key} must be true or false")

    keys = data.get("keys", {})
    if isinstance(keys, dict):
        for action, key in keys.items():
            if isinstance(key, str) or (isinstance(key, list) and all(isinstance(k, str) for k in key)):
                settings.keys[str(action)] = key
            else:
                problem(f"keys.{action} must be a key name or a list of key names")
    else:
        problem("[keys] must be a table")
    return settings


def save_settings(settings: Settings, path: str | os.PathLike | None = None) -> Path:
    import tomli_w
    target = Path(path) if path is not None else (settings.path or settings_path())
    return atomic_write_text(target, tomli_w.dumps(settings.to_toml_dict()))
