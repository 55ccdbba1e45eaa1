"""Where user files live (KEMNAKER_TUI_HOME) and how settings are read."""
from __future__ import annotations

import argparse

from kemnaker_tui import userdata


def test_everything_under_the_override(private_home):
    paths = userdata.all_paths()
    assert paths["settings"] == private_home / "config" / "settings.toml"
    assert paths["aliases"] == private_home / "config" / "aliases.toml"
    assert paths["basket"] == private_home / "data" / "basket.json"
    assert paths["clips"] == private_home / "data" / "clips.txt"
    assert all(str(p).startswith(str(private_home)) for p in paths.values())


def test_missing_settings_are_defaults():
    s = userdata.load_settings()
    assert (s.citation_format, s.language, s.osc52, s.native_clipboard, s.keys, s.warnings) == \
        ("plain", "id", True, True, {}, [])


def test_settings_are_read_and_round_trip():
    path = userdata.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('[citation]\nformat = "md"\nlanguage = "en"\n[clipboard]\nosc52 = false\n'
                    '[keys]\ncopy = "c"\nbasket = ["a", "ctrl+b"]\n', encoding="utf-8")
    s = userdata.load_settings()
    assert (s.citation_format, s.language, s.osc52) == ("md", "en", False)
    assert s.keys == {"copy": "c", "basket": ["a", "ctrl+b"]}
    assert s.warnings == []
    s.citation_format = "bibtex"
    userdata.save_settings(s)
    assert userdata.load_settings().citation_format == "bibtex"


def test_bad_settings_warn_and_fall_back():
    path = userdata.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('[citation]\nformat = "ris"\nlanguage = "ja"\n[keys]\ncopy = 3\n', encoding="utf-8")
    s = userdata.load_settings()
    assert (s.citation_format, s.language) == ("plain", "id")
    assert len(s.warnings) == 3 and "citation.format 'ris'" in s.warnings[0]
    path.write_text("[citation\n", encoding="utf-8")
    s = userdata.load_settings()
    assert "is not valid TOML" in s.warnings[0] and "moved aside" in s.warnings[0]
    assert not path.exists() and list(path.parent.glob("settings.toml.corrupt-*"))   # kept, renamed


def test_paths_command(capsys, private_home):
    from kemnaker_tui.commands import paths
    parser = argparse.ArgumentParser()
    paths.add_arguments(parser)
    assert paths.run(parser.parse_args([])) == 0
    out = capsys.readouterr().out
    import re
    assert re.search(rf"^settings +{re.escape(str(private_home / 'config' / 'settings.toml'))}  \(not created yet\)$",
                     out, re.M)
    assert "KEMNAKER_TUI_HOME=" in out
