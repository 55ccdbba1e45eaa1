"""User data (aliases file, settings, clip basket): written atomically; a
corrupt file is moved aside with a message (aliases, basket) or left for the
user with a message (settings.toml: hand-written, never written by the app),
defaults load, and nothing else is lost."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import wait_loaded

from kemnaker_tui import userdata
from kemnaker_tui.analysis.pipeline import analyse_paths
from kemnaker_tui.corrections import finish
from kemnaker_tui.basket import Basket
from kemnaker_tui.corpus.reader import bundled_corpus_path

CORRUPT = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
    "utf16": "drop = [\"x\"]\n".encode("utf-16"),
    "truncated": b'{"version": 1, "clips": [{"id": "a", "cit',
    "not toml": b"[[entity]\nname = \n",
    "empty": b"",
    "nul": b"\x00" * 64,
}
BAD_ALIASES = {
    **{k: v for k, v in CORRUPT.items() if k != "empty"},
    "entity not a list": b"entity = 5\n",
    "acronym not a string": b'[[entity]]\nname = "X"\nacronym = 5\n',
    "aliases not strings": b'[[entity]]\nname = "X"\naliases = [1]\n',
    "bad type": b'[[entity]]\nname = "X"\ntype = "planet"\n',
    "split not a list": b"split = {a = 1}\n",
    "rename not a table": b"rename = 5\n",
}


def _siblings(path):
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("case", sorted(BAD_ALIASES))
def test_corrupt_alias_file_moved_aside_defaults_load(case):
    path = userdata.aliases_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BAD_ALIASES[case])
    settings_file = userdata.settings_path()
    settings_file.write_text('[citation]\nformat = "md"\n', encoding="utf-8")
    corpus = finish(analyse_paths([bundled_corpus_path()])).corpus
    assert len(corpus.articles) == 5 and corpus.entities          # defaults: the analysis still runs
    moved = [p for p in path.parent.iterdir() if p.name.startswith("aliases.toml.corrupt-")]
    assert len(moved) == 1 and not path.exists()
    assert moved[0].read_bytes() == BAD_ALIASES[case]             # the user's file kept, byte for byte
    assert any(str(moved[0]) in w for w in corpus.warnings)       # …and the message says where
    assert settings_file.read_text(encoding="utf-8") == '[citation]\nformat = "md"\n'   # nothing else touched


def test_empty_alias_file_is_just_empty():
    path = userdata.aliases_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    corpus = finish(analyse_paths([bundled_corpus_path()])).corpus
    assert path.exists() and not corpus.warnings


@pytest.mark.parametrize("case", sorted(CORRUPT) + ["newer version", "wrong shape", "bad clip", "bad types"])
def test_corrupt_basket_moved_aside(case):
    data = {**CORRUPT,
            "newer version": b'{"version": 99, "clips": []}',
            "wrong shape": b'["a", "b"]',
            "bad clip": b'{"version": 1, "clips": [{"id": "x", "citation": {"kind": "poem"}}]}',
            "bad types": b'{"version": 1, "clips": [{"id": "x", "citation": {"kind": "quote", '
                         b'"article_key": "a", "title": "t", "date": 5}}]}'}[case]
    path = userdata.basket_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    clips = userdata.clips_path()
    clips.write_text("kept\n", encoding="utf-8")
    basket = Basket.load()
    assert len(basket) == 0 and basket.message
    moved = [p for p in path.parent.iterdir() if p.name.startswith("basket.json.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == data and str(moved[0]) in basket.message
    assert clips.read_text(encoding="utf-8") == "kept\n"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["kind", "article_key", "title", "text", "speaker", "date", "start", "end", "url",
                         "outlet", "role", "year_inferred", "date_kind", "id", "citation", "clips", "x"]),
        children, max_size=6),
    max_leaves=20)
citation_like = st.fixed_dictionaries(
    {"kind": st.sampled_from(["quote", "passage", "article"]), "article_key": st.text(min_size=1, max_size=5),
     "title": st.text(max_size=10)},
    optional={k: json_values for k in ("text", "speaker", "date", "start", "end", "url", "outlet", "role",
                                       "year_inferred", "date_kind", "date_precision", "article_language")})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(json_values, st.fixed_dictionaries({"version": st.just(1), "clips": st.lists(
    st.fixed_dictionaries({"id": st.text(max_size=4), "citation": citation_like}), max_size=3)})))
def test_any_basket_json_loads_or_is_moved_aside(tmp_path_factory, data):
    """Whatever JSON is in basket.json: it loads and renders in every format, or
    it is moved aside with a message. Never a crash later in the basket screen."""
    from kemnaker_tui.cite import FORMATS, render
    path = tmp_path_factory.mktemp("basket") / "basket.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    basket = Basket.load(path)
    if basket.message:
        assert not path.exists()
        return
    for clip in basket:
        for fmt in FORMATS:
            render(clip.citation, fmt, "en")
    basket.export_markdown("id")


alias_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=12)
    | st.sampled_from(["person", "organisation", "program", "place", "Kemnaker", "JICA", "Anwar", ""]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["name", "type", "acronym", "aliases", "form", "Kemnaker", "x"]), children, max_size=5),
    max_leaves=16)
alias_data = st.dictionaries(st.sampled_from(["entity", "split", "rename", "drop", "other"]), alias_values,
                             max_size=4)


@settings(max_examples=300, deadline=None)
@given(alias_data)
def test_any_alias_data_is_accepted_or_refused_cleanly(data):
    """UserAliases.parse on any TOML-shaped data: a clear ValueError, or aliases
    the analysis can use."""
    from kemnaker_tui.analysis.extract import extract_corpus
    from kemnaker_tui.analysis.useraliases import UserAliases
    from kemnaker_tui.corpus.article import build_article
    from kemnaker_tui.model import RawDocument
    try:
        user = UserAliases.parse(data)
    except ValueError:
        return
    article = build_article(RawDocument("a.txt", "/a.txt", "Jakarta – Menteri Ida Fauziyah bertemu JICA di "
                                                           "Tokyo pada Senin (3/6/2024).\n", "utf-8"))
    extract_corpus([article], user=user)


def test_settings_corrupt_defaults_load():
    """Unparseable settings are moved aside (kept, renamed); settings that parse
    but hold bad values stay where they are; defaults load either way."""
    path = userdata.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for data in (CORRUPT["binary"], CORRUPT["not toml"]):
        path.write_bytes(data)
        s = userdata.load_settings()
        assert s.warnings and "moved aside" in s.warnings[0] and s.citation_format == "plain"
        assert not path.exists()
        moved = sorted(p for p in path.parent.iterdir() if p.name.startswith("settings.toml.corrupt-"))
        assert moved and any(p.read_bytes() == data for p in moved)
    for data in (b'[citation]\nformat = 5\n[keys]\ncopy = 7\n', b"citation = 5\nclipboard = []\nkeys = 1\n"):
        path.write_bytes(data)
        s = userdata.load_settings()
        assert s.warnings and s.citation_format == "plain" and s.osc52 is True
        assert path.read_bytes() == data          # parses: left for the user to fix


def test_atomic_write_survives_a_crash_midway(monkeypatch):
    """A failure before the rename leaves the old file whole and no temp file."""
    path = userdata.basket_path()
    userdata.atomic_write_text(path, "old contents\n")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")
    for where in ("fsync", "replace"):
        with monkeypatch.context() as m:
            m.setattr(os, where, boom)
            with pytest.raises(OSError):
                userdata.atomic_write_text(path, "new contents that never land\n" * 1000)
        assert path.read_text() == "old contents\n"
        assert _siblings(path) == ["basket.json"]


async def test_app_starts_with_every_user_file_corrupt():
    """Corrupt aliases, settings and basket at once: the app opens on the seeds,
    says what happened, and the corrupt files are kept."""
    from kemnaker_tui.ui.app import KemnakerApp
    userdata.config_dir().mkdir(parents=True, exist_ok=True)
    userdata.data_dir().mkdir(parents=True, exist_ok=True)
    userdata.aliases_path().write_bytes(b"entity = 5\n")
    userdata.settings_path().write_bytes(b'[citation]\nformat = "[/]\\u001b]0;T\\u0007"\n')
    userdata.basket_path().write_bytes(CORRUPT["truncated"])
    app = KemnakerApp()                                  # reads the real (private) settings
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_loaded(app, pilot)
        assert app.explorer is not None and len(app.explorer.corpus.articles) == 5
        messages = " ".join(n.message for n in app._notifications)
        assert "settings.toml" in messages and "basket" in messages.lower()
        assert any("aliases" in w for w in app.explorer.corpus.warnings)
        assert app.basket is not None and len(app.basket) == 0
        await pilot.press("b")
        await pilot.pause(0.2)
        assert app.return_code is None
    names = sorted(p.name.split("-")[0] for p in userdata.config_dir().iterdir())
    assert names == ["aliases.toml.corrupt", "settings.toml"]
    assert any(p.name.startswith("basket.json.corrupt-") for p in userdata.data_dir().iterdir())
