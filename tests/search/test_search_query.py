"""The query parser: every form of the language, and broken input that must not raise."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kemnaker_tui.search import parse_query
from kemnaker_tui.search.query import Filter


def test_plain_words_are_and_groups_lowercased():
    q = parse_query("Kemnaker Magang")
    assert q.groups == (("kemnaker",), ("magang",))
    assert q.terms == ("kemnaker", "magang")
    assert q.prefix_last and q.last_term == "magang"
    assert not q.problems


def test_trailing_space_ends_the_prefix():
    assert not parse_query("magang ").prefix_last


def test_phrase_and_excludes():
    q = parse_query('"kerja sama" -jepang -"baca juga" magang')
    assert q.phrases == (("kerja", "sama"),)
    assert q.excludes == ("jepang",)
    assert q.exclude_phrases == (("baca", "juga"),)
    assert q.groups == (("magang",),)


def test_or_joins_neighbours():
    q = parse_query("magang OR pemagangan jepang")
    assert q.groups == (("magang", "pemagangan"), ("jepang",))
    assert parse_query("magang or jepang").groups == (("magang",), ("or",), ("jepang",))


def test_entity_filters_and_quoted_values():
    q = parse_query('person:"Anwar Sanusi" org:jica program:ssw place:tokyo pelatihan')
    assert q.filters == (Filter("person", "Anwar Sanusi"), Filter("organisation", "jica"),
                         Filter("program", "ssw"), Filter("place", "tokyo"))
    assert q.groups == (("pelatihan",),)


def test_outlet_lang_dates_scopes():
    q = parse_query("outlet:JPNN lang:id from:2023-01 to:2024-12 in:quotes|figures")
    assert q.outlet_filters() == ["jpnn"]
    assert q.langs == {"id"}
    assert q.date_from == dt.date(2023, 1, 1)
    assert q.date_to == dt.date(2024, 12, 31)
    assert q.scopes == {"quotes", "figures"}
    assert not q.has_text and q.has_filters
    assert parse_query("to:2024").date_to == dt.date(2024, 12, 31)
    assert parse_query("from:2024-02-29").date_from == dt.date(2024, 2, 29)
    assert parse_query("to:2023-02").date_to == dt.date(2023, 2, 28)


def test_number_with_separator_is_a_phrase():
    assert parse_query("52.440 peserta").phrases == (("52", "440"),)


def test_unclosed_quote_is_searched_as_words():
    q = parse_query('"kerja sam')
    assert q.groups == (("kerja",), ("sam",))
    assert q.prefix_last
    assert any("unclosed quote" in p for p in q.problems)


def test_broken_pieces_are_reported_not_raised():
    cases = {
        "foo:bar magang": "unknown filter",
        "from:2023-13": "not a date",
        "from:kemarin": "not a date",
        "lang:jp": "lang:jp unknown",
        "in:videos": "in:videos unknown",
        "OR magang": "OR needs",
        "magang OR": "OR needs",
        "person: magang": "needs a value",
        'person:"" magang': "needs a value",
        "-person:anwar": "not supported",
    }
    for text, expected in cases.items():
        q = parse_query(text)
        assert any(expected in p for p in q.problems), (text, q.problems)
    # the unknown filter is searched as words
    assert parse_query("foo:bar").terms == ("foo", "bar")


def test_filter_key_being_typed_is_quiet():
    q = parse_query("magang person:")
    assert not q.problems and not q.filters and q.terms == ("magang",)


def test_from_after_to_is_swapped():
    q = parse_query("from:2024 to:2023")
    assert q.date_from == dt.date(2023, 12, 31) or q.date_from < q.date_to
    assert any("swapped" in p for p in q.problems)


def test_empty_and_odd_input():
    for text in ("", "   ", "-", '"', '""', "::", "OR", "-\"", "person:\"", None):
        q = parse_query(text)
        assert not q.groups or all(q.groups)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab kemnaker:"-OR|()\\*?.,/“”İ')), max_size=40))
def test_parser_never_raises(text):
    q = parse_query(text)
    assert isinstance(q.problems, tuple)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parser_never_raises_on_any_unicode(text):
    parse_query(text)
