"""One changed, added or removed article: the merge replays the resolver's
traces of the other articles (resolve_trace) and reuses their quotes, meetings
and figures from the last snapshot (extract.MergeReuse) where their inputs did
not change, reading from the store only what it must — and the corpus is still
exactly a fresh --no-store analysis, even when the change renames entities in
other articles."""
from __future__ import annotations

import pytest

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui import library
from kemnaker_tui.analysis import extract


@pytest.fixture
def merges(monkeypatch):
    """Each merge's MergeReuse (how many articles it reused, how many it saw)."""
    seen = []
    real = extract.merge_corpus

    def spy(found, ex, user, progress=None, reuse=None, article_map=None, replay=None):
        got = real(found, ex, user, progress=progress, reuse=reuse, article_map=article_map, replay=replay)
        seen.append((reuse.reused if reuse else None, len(found)))
        return got
    monkeypatch.setattr(extract, "merge_corpus", spy)
    return seen


def _same_as_fresh(folder):
    stored = library.load_corpus([str(folder)]).corpus
    fresh = library.load_corpus([str(folder)], use_store=False).corpus
    assert stored.entities == fresh.entities
    assert stored.quotes == fresh.quotes
    assert stored.meetings == fresh.meetings
    assert stored.figures == fresh.figures
    assert stored == fresh
    return stored


def test_one_changed_article_reuses_the_others_and_equals_fresh(synthetic, merges):
    _same_as_fresh(synthetic)
    assert merges[0][0] == 0                      # cold: nothing to reuse
    files = sorted(synthetic.rglob("*.txt"))
    files[7].write_text(files[7].read_text(encoding="utf-8")
                        + '\n"Kami menambah kuota pelatihan tahun depan," kata Dewi Anggraini, Kepala Balai.\n',
                        encoding="utf-8")
    merges.clear()
    _same_as_fresh(synthetic)
    reused, total = merges[0]
    assert total == 120 and 100 <= reused <= 119   # the changed article (at least) merged afresh


def test_a_definition_elsewhere_changes_other_articles_and_they_are_merged_again(tmp_path, merges):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Pelatihan baru di Bandung\n\nJakarta - Kemnaker dan JICA meneken kerja sama pelatihan.\n"
        "Pejabat BPLN hadir pada 3 Maret 2024 di Bandung. BPLN akan mengirim 200 peserta.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Program magang diperluas\n\nJakarta - Sebanyak 150 peserta magang berangkat ke Jepang.\n"
        "Menteri Ketenagakerjaan bertemu pihak JICA di Jakarta pada 5 Maret 2024.\n", encoding="utf-8")
    _same_as_fresh(folder)
    # a new article defines the acronym the first one only used bare: its entities change
    (folder / "c.txt").write_text(
        "Lembaga baru\n\nJakarta - Balai Pelatihan Luar Negeri (BPLN) dibentuk untuk calon pekerja migran.\n"
        "Kepala BPLN, Sutrisno Hadi, mengatakan 300 orang dilatih setiap tahun.\n", encoding="utf-8")
    merges.clear()
    stored = _same_as_fresh(folder)
    reused, total = merges[0]
    assert total == 3 and reused <= 1
    assert any("BPLN" in e.all_names or e.name == "Balai Pelatihan Luar Negeri" for e in stored.entities)
    # and removing it again gives the fresh analysis of the two left
    (folder / "c.txt").unlink()
    _same_as_fresh(folder)


def test_a_damaged_merge_record_is_only_ignored(synthetic, merges):
    _same_as_fresh(synthetic)
    for side in library.cache_folder().glob("corpus-*.merge"):
        side.write_bytes(b"not a pickle")
    files = sorted(synthetic.rglob("*.txt"))
    files[2].unlink()
    merges.clear()
    _same_as_fresh(synthetic)
    assert merges[0][0] == 0                      # nothing reused, still right


@pytest.fixture
def unpacked(monkeypatch):
    """How many stored analyses each load reads back from the store."""
    from kemnaker_tui.library import library as lib
    count = [0]
    real = lib.unpack

    def spy(data):
        count[0] += 1
        return real(data)
    monkeypatch.setattr(lib, "unpack", spy)
    return count


def test_one_change_reads_only_that_article_from_the_store(synthetic, unpacked):
    _same_as_fresh(synthetic)
    files = sorted(synthetic.rglob("*.txt"))
    files[30].write_text(files[30].read_text(encoding="utf-8") + "\nPeserta tiba di Osaka pekan lalu.\n",
                         encoding="utf-8")
    unpacked[0] = 0
    library.index([str(synthetic)])
    # the changed article, and the few whose entities it changed (placed again): not 120
    assert 1 <= unpacked[0] <= 12
    _same_as_fresh(synthetic)


def test_a_damaged_or_missing_trace_only_costs_time(synthetic, unpacked):
    _same_as_fresh(synthetic)
    for side in library.cache_folder().glob("corpus-*.trace"):
        side.write_bytes(b"\x80\x05 not a whole pickle")
    files = sorted(synthetic.rglob("*.txt"))
    files[5].write_text(files[5].read_text(encoding="utf-8") + "\nRapat digelar di Bandung.\n", encoding="utf-8")
    unpacked[0] = 0
    _same_as_fresh(synthetic)
    assert unpacked[0] >= 120                     # every analysis read again: a full merge
    for side in library.cache_folder().glob("corpus-*.trace"):
        side.unlink()
    files[6].write_text(files[6].read_text(encoding="utf-8") + "\nRapat digelar di Medan.\n", encoding="utf-8")
    _same_as_fresh(synthetic)


def test_a_trace_that_does_not_replay_gives_a_full_merge(synthetic, monkeypatch):
    """Placing a replayed article again must add what its trace says; if it ever did
    not (a bug), the merge is done afresh, not trusted."""
    from kemnaker_tui.analysis.resolve import Resolver
    from kemnaker_tui.analysis.resolve_trace import ReplayMismatch
    _same_as_fresh(synthetic)
    calls = []

    def broken(self, article, am, trace, tables):
        calls.append(article.key)
        raise ReplayMismatch(article.key)
    monkeypatch.setattr(Resolver, "place_again", broken)
    # a new article gives an organisation many articles name a new long form: their
    # entities change, and those articles are placed again for their quotes and meetings
    (synthetic / "zz-new.txt").write_text(
        "Kerja sama baru\n\nJakarta - Badan Kerja Sama Internasional Jepang (JICA) dan Kemnaker meneken nota "
        "pada 2 Mei 2024. JICA akan melatih 500 orang.\n", encoding="utf-8")
    stored = library.load_corpus([str(synthetic)]).corpus
    fresh = library.load_corpus([str(synthetic)], use_store=False).corpus
    assert calls                                  # the broken replay was met, and left
    assert stored == fresh
