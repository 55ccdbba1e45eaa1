"""The kept search index is updated document by document when a few articles
change, and answers as an index built afresh does; the index it was copied
from stays as it was."""
from __future__ import annotations

import shutil

import pytest

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui import library
from kemnaker_tui.search import SearchIndex

QUERIES = ["magang jepang", "budi", "semarang", "pelatihan las", "kemnaker", "jica", "osaka", "peserta",
           "menteri", "sertifikat"]
KINDS = ("articles", "passages", "quotes", "figures")


@pytest.fixture
def updates(monkeypatch):
    """What each SearchIndex.update returned (True: updated, False: built afresh)."""
    seen: list[bool] = []
    real = SearchIndex.update

    def spy(self, *args, **kwargs):
        got = real(self, *args, **kwargs)
        seen.append(got)
        return got
    monkeypatch.setattr(SearchIndex, "update", spy)
    return seen


def _answers(index) -> dict:
    out = {}
    for q in QUERIES:
        res = index.search(q, limit=1000)
        for kind in KINDS:
            out[q, kind] = (sorted((h.article, h.start, h.end) for h in getattr(res, kind)), res.counts.get(kind))
    return out


def _change(folder):
    files = sorted(folder.rglob("*.txt"))
    with open(files[3], "a", encoding="utf-8") as fh:
        fh.write("\nMenteri Ketenagakerjaan Budi Santoso meninjau pelatihan las di Semarang, kata Budi.\n")
    shutil.copy(files[5], files[5].parent / "zz-added.txt")
    files[7].unlink()


def test_a_few_changed_articles_update_the_index_in_place(synthetic, updates):
    before = library.load_corpus([str(synthetic)])
    old = library.search_index(before)
    old_answers = _answers(old)
    _change(synthetic)
    after = library.load_corpus([str(synthetic)])
    assert after.stats.analysed == 2
    updated = library.search_index(after)
    assert updates == [True], "the index was built afresh, not updated"
    assert len(updated) == len(after.corpus.articles)
    fresh = SearchIndex.build(after.corpus, freeze_gc=False)
    assert _answers(updated) == _answers(fresh)
    assert updated.search("pelatihan las").counts.get("passages", 0) >= 1
    # the index it was copied from answers as before (its files were linked, not changed)
    reopened = library.search_index(before)
    assert _answers(reopened) == old_answers
    # and the updated one reopens as it was saved
    again = library.search_index(library.load_corpus([str(synthetic)]))
    assert _answers(again) == _answers(fresh)


def test_many_changed_articles_build_afresh(synthetic, updates):
    library.search_index(library.load_corpus([str(synthetic)]))
    for path in sorted(synthetic.rglob("*.txt"))[:60]:          # half the corpus
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\nKemnaker membuka pelatihan baru.\n")
    after = library.load_corpus([str(synthetic)])
    index = library.search_index(after)
    assert updates == [False]
    assert _answers(index) == _answers(SearchIndex.build(after.corpus, freeze_gc=False))


def test_corrections_mean_a_fresh_build(synthetic, updates, tmp_path):
    """A corrected corpus differs from the merge its fingerprints describe: no update."""
    from kemnaker_tui.corrections import store
    from kemnaker_tui.corrections.build import fact_anchor
    base = library.load_corpus([str(synthetic)])
    library.search_index(base)
    corrections = tmp_path / "corrections.toml"
    person = next(e for e in base.corpus.entities if e.type == "person")
    store.add(corrections, "rename", fact_anchor(base.corpus, person), {"name": person.name + " Jr"}, by="test")
    _change(synthetic)
    loaded = library.load_corpus([str(synthetic)], corrections_file=str(corrections))
    assert loaded.index_key != loaded.snapshot_key
    index = library.search_index(loaded)
    assert updates in ([], [False])
    assert index.search(person.name + " Jr").counts.get("articles", 0) >= 1


def test_update_copies_files_where_links_are_refused(synthetic, updates, monkeypatch):
    """A file system without hard links: the segment files are copied instead."""
    import os

    def no_links(*_args, **_kwargs):
        raise OSError(1, "Operation not permitted")
    library.search_index(library.load_corpus([str(synthetic)]))
    monkeypatch.setattr(os, "link", no_links)
    _change(synthetic)
    after = library.load_corpus([str(synthetic)])
    index = library.search_index(after)
    assert updates == [True]
    assert _answers(index) == _answers(SearchIndex.build(after.corpus, freeze_gc=False))


def test_a_damaged_previous_index_means_a_fresh_build(synthetic, updates):
    library.search_index(library.load_corpus([str(synthetic)]))
    for state in library.cache_folder().glob("search-*/state.pickle"):
        state.write_bytes(b"not a pickle")
    _change(synthetic)
    after = library.load_corpus([str(synthetic)])
    index = library.search_index(after)
    assert updates == []                # the copy could not be opened: built afresh
    assert _answers(index) == _answers(SearchIndex.build(after.corpus, freeze_gc=False))
