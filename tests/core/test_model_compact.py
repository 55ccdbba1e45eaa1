"""The compact sequences the analysis stores spans and mentions in behave like
the tuples they replace, survive pickling, and are much smaller."""
from __future__ import annotations

import pickle
import sys

import pytest

from kemnaker_tui.model import Mention, MentionList, Span, SpanList


def test_span_list_is_a_sequence_of_spans():
    spans = (Span(0, 5), Span(6, 300), Span(301, 70_000))
    lst = SpanList(spans)
    assert len(lst) == 3 and bool(lst) and not SpanList()
    assert lst == spans and spans == lst and lst == list(spans) and lst != spans[:2]
    assert lst[0] == Span(0, 5) and lst[-1] == Span(301, 70_000) and lst[1:] == spans[1:]
    assert list(lst) == list(spans) and tuple(reversed(lst)) == spans[::-1]
    with pytest.raises(IndexError):
        lst[3]
    with pytest.raises(IndexError):
        lst[-4]
    back = pickle.loads(pickle.dumps(lst))
    assert back == lst and hash(back) == hash(lst) == hash(spans)


def test_mention_list_is_a_sequence_of_mentions():
    ms = (Mention("a.txt", 3, 11, "Kemnaker"), Mention("b.txt#2", 400, 412, "Anwar Sanusi"))
    lst = MentionList(ms)
    assert lst == ms and ms == lst and len(lst) == 2 and lst[-1].text == "Anwar Sanusi"
    assert [m.article for m in lst] == ["a.txt", "b.txt#2"] and lst[:1] == ms[:1]
    back = pickle.loads(pickle.dumps(lst))
    assert back == lst and hash(back) == hash(ms)
    assert MentionList() == () and not MentionList()


def _deep_size(seq) -> int:
    if isinstance(seq, tuple):
        return sys.getsizeof(seq) + sum(sys.getsizeof(s) + sys.getsizeof(s.start) + sys.getsizeof(s.end)
                                        for s in seq)
    return sys.getsizeof(seq) + sys.getsizeof(seq._flat)


def test_span_list_is_a_tenth_of_the_tuple():
    spans = tuple(Span(i * 150 + 1000, i * 150 + 1140) for i in range(1000))
    assert _deep_size(SpanList(spans)) * 8 < _deep_size(spans)


def test_analysis_stores_compact_sequences(tmp_path):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.corpus.reader import bundled_corpus_path
    corpus = analyse_paths([bundled_corpus_path()])
    a = corpus.articles[0]
    assert isinstance(a.sentences, SpanList) and isinstance(a.paragraphs, SpanList)
    assert isinstance(corpus.entities[0].mentions, MentionList)
    assert all(a.text[s.start:s.end].strip() for s in a.sentences)


def test_mentions_in_one_article_ordered_or_not():
    from kemnaker_tui.model import mentions_in
    ordered = MentionList([Mention("a", 1, 2, "x"), Mention("b", 3, 4, "y"), Mention("b", 5, 6, "z"),
                           Mention("c", 1, 2, "w")])
    assert [m.start for m in mentions_in(ordered, "b")] == [3, 5] and mentions_in(ordered, "q") == []
    shuffled = MentionList([Mention("b", 1, 2, "x"), Mention("a", 3, 4, "y"), Mention("b", 5, 6, "z")])
    assert [m.start for m in mentions_in(shuffled, "b")] == [1, 5]
    assert [m.start for m in mentions_in(tuple(shuffled), "b")] == [1, 5]
    assert mentions_in(pickle.loads(pickle.dumps(ordered)), "c") == [Mention("c", 1, 2, "w")]
