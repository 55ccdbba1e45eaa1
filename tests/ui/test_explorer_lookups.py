"""The explorer's lookups kept small at scale give what plain dicts over the corpus give."""
from kemnaker_tui.model import mention_articles
from kemnaker_tui.ui.explorer import Explorer


def test_fact_by_id_with_and_without_article(seed_corpus):
    ex = Explorer(seed_corpus)
    assert seed_corpus.quotes and seed_corpus.figures
    for q in seed_corpus.quotes:
        assert ex.quote(q.id) is q
        assert ex.quote(q.id, q.article) is q
    for f in seed_corpus.figures:
        assert ex.figure(f.id) is f
        assert ex.figure(f.id, f.article) is f
    # a wrong article hint still finds it; an unknown id is None
    q = seed_corpus.quotes[0]
    other = next(a.key for a in seed_corpus.articles if a.key != q.article)
    assert ex.quote(q.id, other) is q
    assert ex.quote("q-00000000") is None and ex.figure("f-zzzzzzzz", other) is None
    assert ex.quote(None) is None and ex.figure("") is None


def test_entity_articles_and_filter(seed_corpus):
    ex = Explorer(seed_corpus)
    expected = {e.id: frozenset(mention_articles(e.mentions)) for e in seed_corpus.entities}
    for _ in range(2):          # made, then from the kept ones
        for eid, keys in expected.items():
            assert ex.entity_articles(eid) == keys
    assert ex.entity_articles("person:nobody-at-all") == frozenset()
    a, b = seed_corpus.entities[0].id, seed_corpus.entities[1].id
    assert ex.articles_with(frozenset({a, b})) == expected[a] & expected[b]
    assert ex.articles_with(frozenset()) is None


def test_tellings_are_every_telling_of_an_event(seed_corpus):
    from kemnaker_tui.analysis.crossref import group_meetings
    ex = Explorer(seed_corpus)
    groups = group_meetings(sorted(seed_corpus.meetings, key=ex.meeting_sort_key))
    assert len(ex.meetings) == len(groups)
    for g in groups:
        for m in g.items:
            assert ex.tellings(m) == g.items
