"""A corpus snapshot keeps its articles' texts in a file beside it, mapped when loaded."""
from __future__ import annotations

import dataclasses
import pickle

from kemnaker_tui.library import snapshots
from kemnaker_tui.library.pickling import dumps
from kemnaker_tui.model import StoredText, stored_text, text_place


def _written(tmp_path, corpus):
    snapshots.write_corpus(tmp_path, "k1", corpus)
    return snapshots.corpus_path(tmp_path, "k1")


def test_texts_are_read_from_the_mapped_file(tmp_path, seed_corpus):
    path = _written(tmp_path, seed_corpus)
    texts = path.with_suffix(".texts")
    assert texts.stat().st_size == sum(len(a.text.encode("utf-8", "surrogatepass")) for a in seed_corpus.articles)
    assert all(a.text.encode() not in path.read_bytes() for a in seed_corpus.articles if len(a.text) > 200)
    loaded = snapshots.read_corpus(path)
    assert loaded == seed_corpus
    for before, after in zip(seed_corpus.articles, loaded.articles):
        place = text_place(after)
        assert isinstance(place, StoredText) and place.source is not None
        assert after.text == before.text and after.slice(after.sentences[0]) == before.slice(before.sentences[0])
        # pickled elsewhere (the store, a worker's results): the text itself goes, not its place
        assert stored_text(after) == stored_text(before)
        again = pickle.loads(dumps(after))
        assert text_place(again) is None and again.text == before.text
        assert dataclasses.replace(after, title="t").text == before.text


def test_a_loaded_snapshot_reads_on_after_its_files_are_removed(tmp_path, seed_corpus):
    path = _written(tmp_path, seed_corpus)
    loaded = snapshots.read_corpus(path)
    path.unlink()
    path.with_suffix(".texts").unlink()
    assert [a.text for a in loaded.articles] == [a.text for a in seed_corpus.articles]


def test_missing_or_short_text_file_makes_the_snapshot_unreadable(tmp_path, seed_corpus):
    path = _written(tmp_path, seed_corpus)
    texts = path.with_suffix(".texts")
    data = texts.read_bytes()
    texts.write_bytes(data[:-10])
    assert snapshots.read_corpus(path) is None
    assert not path.exists() and not texts.exists()        # removed: made again next time
    path = _written(tmp_path, seed_corpus)
    path.with_suffix(".texts").unlink()
    assert snapshots.read_corpus(path) is None and not path.exists()


def test_unicode_and_surrogates_round_trip(tmp_path, seed_corpus):
    a0 = seed_corpus.articles[0]
    odd = [dataclasses.replace(a0, key=f"k{i}", text=t) for i, t in
           enumerate(["“Kami siap,” kata Menaker.", "plain", "", "lone \udc80 surrogate", "日本 – Ōsaka"])]
    corpus = dataclasses.replace(seed_corpus, articles=tuple(odd), entities=(), meetings=(), quotes=(), figures=())
    loaded = snapshots.read_corpus(_written(tmp_path, corpus))
    assert [a.text for a in loaded.articles] == [a.text for a in odd]
    assert [type(stored_text(a)) for a in loaded.articles] == [bytes, str, str, bytes, bytes]


def test_repeated_values_are_one_object_once_loaded(tmp_path, seed_corpus):
    a0 = seed_corpus.articles[0]
    # separate but equal objects, as articles decoded one by one have them
    copies = [dataclasses.replace(a0, key=f"k{i}", outlet="".join(["Antara", "News"]), language="".join("id"))
              for i in range(3)]
    assert copies[0].outlet is not copies[1].outlet
    corpus = dataclasses.replace(seed_corpus, articles=tuple(copies), entities=(), meetings=(), quotes=(), figures=())
    loaded = snapshots.read_corpus(_written(tmp_path, corpus))
    assert loaded.articles[0].outlet == "AntaraNews" and loaded.articles[0].language == "id"
    assert all(a.outlet is loaded.articles[0].outlet and a.language is loaded.articles[0].language
               for a in loaded.articles)
    assert [a.key for a in loaded.articles] == ["k0", "k1", "k2"]
