"""The store gives exactly the analysis a fresh run gives (--no-store)."""
from __future__ import annotations

import json

import pytest

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui import library
from kemnaker_tui.corpus.reader import bundled_corpus_path
from tests.library.helpers import DEV_ARTICLES


def _three_ways(paths, jobs=None):
    fresh = library.load_corpus(paths, use_store=False).corpus
    cold = library.load_corpus(paths, jobs=jobs)            # analysed, merged, snapshot written
    warm = library.load_corpus(paths, jobs=jobs)            # from the snapshot
    for snap in library.cache_folder().glob("corpus-*"):
        snap.unlink()
    merged = library.load_corpus(paths, jobs=jobs)          # from the stored analyses, merged again
    return fresh, cold, warm, merged


def _assert_same(fresh, *others):
    for other in others:
        assert other.corpus.articles == fresh.articles
        assert other.corpus.entities == fresh.entities
        assert other.corpus.quotes == fresh.quotes
        assert other.corpus.meetings == fresh.meetings
        assert other.corpus.figures == fresh.figures
        assert other.corpus.skipped == fresh.skipped
        assert other.corpus.warnings == fresh.warnings
        assert other.corpus == fresh


def test_seeds_store_equals_fresh():
    fresh, cold, warm, merged = _three_ways([str(bundled_corpus_path())])
    assert fresh.articles and fresh.quotes
    _assert_same(fresh, cold, warm, merged)
    assert cold.stats.analysed == len(fresh.articles) and cold.stats.reused == 0
    assert warm.stats.analysed == 0 and warm.stats.reused == len(fresh.articles)


@pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="the dev articles are not on this machine")
def test_dev_articles_store_equals_fresh():
    fresh, cold, warm, merged = _three_ways([str(DEV_ARTICLES)])
    assert len(fresh.articles) >= 10
    _assert_same(fresh, cold, warm, merged)


def test_synthetic_store_equals_fresh_with_workers(synthetic):
    # 120 articles: enough for the worker pool (two processes)
    fresh, cold, warm, merged = _three_ways([str(synthetic)], jobs=2)
    assert len(fresh.articles) == 120
    _assert_same(fresh, cold, warm, merged)


def test_jsonl_and_skipped_files_and_warnings_same(write_corpus):
    lines = [json.dumps({"title": f"Judul berita {i}", "text": f"Menteri Ketenagakerjaan Budi Santoso "
                         f"meninjau balai latihan kerja nomor {i} di Bandung pada Senin (3/6/2024)."})
             for i in range(3)]
    folder = write_corpus({"feed.jsonl": "\n".join(lines[:2]) + "\n{not json\n" + lines[2] + "\n",
                           "catatan.txt": "Kemnaker dan JICA membahas pelatihan pemagang.\n",
                           "gambar.png": b"\x89PNG\r\n\x1a\n\x00\x00",
                           "latin1.txt": "Pekerja migran di Jepang menerima gaji \xb15 juta.".encode("latin-1")})
    fresh, cold, warm, merged = _three_ways([str(folder)])
    assert fresh.skipped            # the PNG, the broken line
    _assert_same(fresh, cold, warm, merged)


def test_aliases_and_corrections_apply_after_the_store(write_corpus, tmp_path):
    folder = write_corpus({"a.txt": "Menaker Ida Fauziyah bertemu Dubes Kanasugi Kenji di Jakarta. "
                                    "Ida mengatakan program magang diperluas.\n"})
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[rename]\n"Ida Fauziyah" = "Ida F."\n', encoding="utf-8")
    plain = library.load_corpus([str(folder)])
    renamed = library.load_corpus([str(folder)], alias_file=str(aliases))
    assert renamed.stats.analysed == 0          # the analysis is reused: aliases apply on top of it
    assert renamed.corpus == library.load_corpus([str(folder)], alias_file=str(aliases), use_store=False).corpus
    assert plain.corpus == library.load_corpus([str(folder)], use_store=False).corpus
    assert renamed.index_key != plain.index_key == plain.snapshot_key   # the index holds names: its own key
    names = {e.name for e in renamed.corpus.entities}
    assert "Ida F." in names and "Ida F." not in {e.name for e in plain.corpus.entities}
    assert "Ida F." in {e.name for e in library.search_index(renamed).corpus.entities}
