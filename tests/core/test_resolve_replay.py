"""The resolver's traces (analysis/resolve_trace.py): a resolve that replays the
last one's traces gives exactly the entities of a fresh resolve, replays what
it may and places afresh what a change elsewhere reaches (an acronym defined,
a person named in full, a cluster's type). Sentences written for these tests."""
from __future__ import annotations

from collections import Counter

import pytest

from kemnaker_tui.analysis.extract import find_in_document
from kemnaker_tui.analysis.pipeline import extractors_for_user
from kemnaker_tui.analysis.resolve import Resolver, _Cluster
from kemnaker_tui.analysis.resolve_trace import ROW, ArticleTrace, Replay, ReplayMismatch
from kemnaker_tui.analysis.useraliases import UserAliases
from kemnaker_tui.corpus.article import build_article
from kemnaker_tui.model import RawDocument

TEXTS = {
    "a": "Pelatihan bahasa di Bandung\n\nJakarta - Kementerian Ketenagakerjaan dan JICA meneken kerja sama "
         "pelatihan. Pejabat BPLN hadir pada 3 Maret 2024 di Bandung. BPLN akan mengirim 200 peserta.\n",
    "b": "Magang ke Jepang diperluas\n\nJakarta - Direktur Jenderal Binapenta Suryo Wibisono bertemu pihak "
         "JICA di Jakarta pada 5 Maret 2024. \"Kami siap,\" kata Suryo Wibisono.\n",
    "c": "Kunjungan ke Osaka\n\nOsaka - Delegasi Indonesia mengunjungi perusahaan di Osaka. Menurut Wibisono, "
         "kunjungan berjalan lancar. Peserta magang tiba pekan lalu.\n",
    "d": "Lembaga baru dibentuk\n\nJakarta - Balai Pelatihan Luar Negeri (BPLN) dibentuk untuk calon pekerja "
         "migran. Kepala BPLN, Hartini Saputri, mengatakan 300 orang dilatih setiap tahun.\n",
    "e": "Rapat koordinasi\n\nSurabaya - Suryo Wibisono membuka rapat koordinasi penempatan pada 9 Maret 2024 "
         "di Surabaya bersama dinas tenaga kerja provinsi.\n",
}


@pytest.fixture(scope="module")
def ex():
    return extractors_for_user(UserAliases())


def _found(ex, key: str, text: str | None = None):
    doc = RawDocument(key=f"{key}.txt", path=f"/news/{key}.txt", text=text or TEXTS[key], encoding="utf-8")
    return find_in_document(build_article(doc), ex)


def _resolve(ex, keys, before=None, texts=None):
    """Entities of ``keys`` resolved with traces (replaying ``before``) and a fresh
    resolve of the same, and the Replay (what was replayed)."""
    texts = texts or {}
    found = [_found(ex, k, texts.get(k)) for k in keys]
    tags = [f"{k}:{hash(texts.get(k, TEXTS[k]))}" for k in keys]
    fetched = []

    def fetch(n):
        fetched.append(n)
        return _found(ex, keys[n], texts.get(keys[n]))
    docs = [(f.article, None if before is not None and tags[n] in before.traces else f.mentions)
            for n, f in enumerate(found)]
    replay = Replay(tags, before, fetch)
    traced = Resolver(ex.lex, ex.entities, UserAliases()).resolve(docs, replay)
    fresh_found = [_found(ex, k, texts.get(k)) for k in keys]
    fresh = Resolver(ex.lex, ex.entities, UserAliases()).resolve([(f.article, f.mentions) for f in fresh_found])
    assert traced == fresh
    replay.fetched = fetched
    return traced, replay


def test_nothing_changed_replays_every_article(ex):
    _ents, first = _resolve(ex, ["a", "b", "c"])
    assert first.replayed == 0
    ents, again = _resolve(ex, ["a", "b", "c"], before=first.saved())
    assert again.replayed == 3 and again.fetched == []
    assert ents


def test_an_acronym_defined_in_a_new_article_reaches_the_one_that_used_it_bare(ex):
    _e, first = _resolve(ex, ["a", "b"])
    ents, again = _resolve(ex, ["a", "b", "d"], before=first.saved())
    # "a" read "BPLN" in the acronym table, which "d" now fills: "a" is placed afresh, "b" replayed
    assert 0 in again.fetched and 1 not in again.fetched
    assert again.replayed == 1
    bpln = [e for e in ents if e.acronym == "BPLN" or "BPLN" in e.all_names]
    assert bpln and {m.article for e in bpln for m in e.mentions} >= {"a.txt", "d.txt"}


def test_a_surname_follows_a_full_name_that_appears_or_goes(ex):
    _e, first = _resolve(ex, ["c", "e"])
    # "b" names Suryo Wibisono in full: the people table changes
    _e, second = _resolve(ex, ["b", "c", "e"], before=first.saved())
    assert second.changed
    # and without "b" and "e" "c" reads the table as before it
    _e, third = _resolve(ex, ["c"], before=second.saved())
    assert third.replayed + len(third.fetched) == 1


def test_removing_and_reordering_articles_equals_fresh(ex):
    _e, first = _resolve(ex, ["a", "b", "c", "d", "e"])
    _e, second = _resolve(ex, ["e", "c", "a"], before=first.saved())
    _e, third = _resolve(ex, ["d", "a", "b", "c", "e"], before=second.saved())
    # "b" and "d" come back with the names and the acronym the others read: all placed afresh
    assert third.replayed + len(third.fetched) == 3


def test_an_edited_article_is_placed_afresh(ex):
    _e, first = _resolve(ex, ["a", "b", "c"])
    edited = TEXTS["b"].replace("Suryo Wibisono bertemu", "Suryo Wibisono dan Kepala BPLN Hartini Saputri bertemu")
    _e, again = _resolve(ex, ["a", "b", "c"], before=first.saved(), texts={"b": edited})
    assert again.replayed_at(1) is None


def test_a_cluster_type_read_is_checked_before_replaying():
    """The second pass reads the type an acronym's cluster has so far: a trace holds
    only while that reads the same (the clusters as they stand plus the article's own
    first adds)."""
    resolver = Resolver.__new__(Resolver)
    resolver.clusters = {"def:ABC": _Cluster("def:ABC", type_votes=Counter({"organisation": 2}))}
    row = ("def:ABC", "program", "ABC", None, None, None, None, 0, 3, "acronym")
    trace = ArticleTrace("x.txt", (), (), frozenset(), row * 2, 2, (("def:ABC", "organisation"),), ())
    # 2 organisation + 2 program from its own first adds: ties go to the first seen, organisation
    assert resolver._votes_hold(trace)
    three = ArticleTrace("x.txt", (), (), frozenset(), row * 3, 3, (("def:ABC", "organisation"),), ())
    assert not resolver._votes_hold(three)
    resolver.clusters = {}
    unseen = ArticleTrace("x.txt", (), (), frozenset(), (), 0, (("def:ABC", "organisation"),), ())
    assert resolver._votes_hold(unseen)            # no cluster yet: an organisation


def test_placing_again_checks_the_trace(ex):
    _e, first = _resolve(ex, ["a", "b"])
    saved = first.saved()
    tag = first.tags[0]
    trace = saved.traces[tag]
    resolver = Resolver(ex.lex, ex.entities, UserAliases())
    f = _found(ex, "a")
    resolver.place_again(f.article, f.mentions, trace, first.tables)     # as traced: fine
    assert len(f.mentions.mentions) == len(trace.rows) // ROW
    wrong = ArticleTrace(trace.key, trace.defs, trace.persons, trace.reads,
                         ("known:x",) + trace.rows[1:], trace.first, trace.votes, trace.roles)
    f = _found(ex, "a")
    with pytest.raises(ReplayMismatch):
        resolver.place_again(f.article, f.mentions, wrong, first.tables)
