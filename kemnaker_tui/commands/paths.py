"""`kemnaker-tui paths`: where settings, aliases and user data live (and whether they exist)."""
from __future__ import annotations

import argparse
import json
import os
import sys

from kemnaker_tui.commands.common import add_json

_WHAT = {
    "config": "config folder",
    "settings": "settings (TOML: [citation] format, language; [clipboard]; [keys])",
    "aliases": "your alias file (TOML), read as corrections",
    "corrections": "your corrections (TOML): `kemnaker-tui correct`, or c in the explorer",
    "data": "data folder",
    "basket": "the clip basket",
    "clips": "copies that reached no clipboard",
    "articles": "pages kept by `kemnaker-tui fetch` (open it: kemnaker-tui ARTICLES-FOLDER)",
    "cache": "cache folder",
    "store": "the store: every article's analysis, snapshots, search indexes (`store clear` removes it)",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import userdata

    paths = userdata.all_paths()
    override = os.environ.get(userdata.ENV_HOME)
    if args.json:
        json.dump({"override": override or None,
                   **{name: {"path": str(p), "exists": p.exists()} for name, p in paths.items()}},
                  sys.stdout, indent=2)
        print()
        return 0
    width = max(map(len, paths))
    for name, p in paths.items():
        mark = "" if p.exists() else "  (not created yet)"
        print(f"{name:<{width}}  {p}{mark}")
    print()
    for name in paths:
        print(f"  {name}: {_WHAT[name]}")
    if override:
        print(f"\n{userdata.ENV_HOME}={override} overrides the platform locations.")
    else:
        print(f"\nSet {userdata.ENV_HOME} to keep everything under one folder instead.")
    return 0
