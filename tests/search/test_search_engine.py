"""Search behaviour: typos, prefixes, stems, filters through aliases, highlight offsets."""
from __future__ import annotations

import subprocess
import sys

import pytest


def spans_text(index, hit):
    text = index.corpus.article(hit.article).text
    return [text[s.start:s.end] for s in hit.spans]


def all_matched(index, results):
    out = set()
    for kind in ("articles", "passages", "quotes", "figures"):
        for hit in results.hits(kind):
            out.update(t.lower() for t in spans_text(index, hit))
    return out


def test_typo_one_and_two_edits(index):
    r = index.search("kemnekar")          # 8 letters: two edits allowed
    assert {h.article for h in r.articles} >= {"a1.txt", "a2.txt"}
    assert "kemnaker" in all_matched(index, r)
    r = index.search("spesified skiled")  # 9 letters: 1 edit, 6 letters: 1 edit
    assert [h.article for h in r.passages] == ["a1.txt"]
    assert spans_text(index, r.passages[0]) == ["Specified", "Skilled"]


def test_short_words_are_exact(index):
    # 3 letters: no typo tolerance ("ida" must not match "ide", "ada"...)
    r = index.search("ida ")
    assert {h.article for h in r.articles} == {"a3.txt"}


def test_last_word_matches_as_prefix_while_typed(index):
    r = index.search("mag")
    assert "magang" in all_matched(index, r)
    assert not index.search("mag ").articles          # finished word: no prefix


def test_one_edit_ranks_above_two_edits(article_factory):
    """'sertifikasi' typed as 'sertifkasi' (1 edit) and 'sertfkasi' (2 edits) in two
    otherwise alike articles: the query 'sertifkasi ' ranks the 1-edit spelling,
    then the 2-edit one; both below the exact word."""
    from kemnaker_tui.model import Corpus
    from kemnaker_tui.search import SearchIndex
    texts = {"two.txt": "Program sertfikasj bagi pekerja.", "one.txt": "Program sertifkasi bagi pekerja.",
             "exact.txt": "Program sertifikasi bagi pekerja."}
    arts = tuple(article_factory(k, v) for k, v in texts.items())       # the same date: no recency tie-break
    index = SearchIndex.build(Corpus(articles=arts, entities=(), meetings=(), quotes=(), figures=()))
    for kind in ("passages", "articles"):
        hits = index.search("sertifikasi ").hits(kind)
        assert [h.article for h in hits] == ["exact.txt", "one.txt", "two.txt"]
        assert hits[0].score > hits[1].score > hits[2].score


def test_exact_forms_rank_above_typos(index):
    r = index.search("pelatih ")
    first = r.passages[0]
    assert "pelatih" in [t.lower() for t in spans_text(index, first)]


def test_stems_match_and_rank_below_exact(index):
    r = index.search("pelatihan ")
    matched = all_matched(index, r)
    assert {"pelatihan", "pelatih", "dilatih"} <= matched
    # the passage holding the exact form comes before the one holding only stem forms
    keys = [(h.article, h.start) for h in r.passages]
    exact = [i for i, h in enumerate(r.passages) if "pelatihan" in [t.lower() for t in spans_text(index, h)]]
    stem_only = [i for i, h in enumerate(r.passages)
                 if "pelatihan" not in [t.lower() for t in spans_text(index, h)]]
    assert exact and stem_only and max(exact) < min(stem_only), keys
    r = index.search("diberangkatkan ")
    assert "diberangkatkan" in all_matched(index, r)


def test_overstemming_guard(index):
    # PySastrawi stems peserta -> serta; "serta" must not find "peserta" nor the reverse
    r = index.search("peserta ")
    assert "serta" not in all_matched(index, r)
    r = index.search("serta ")
    assert "peserta" not in all_matched(index, r)


def test_phrase_and_exclude(index):
    r = index.search('"kerja sama"')
    assert r.passages and all("kerja sama" in index.corpus.article(h.article).text[h.start:h.end].lower()
                              for h in r.passages)
    assert spans_text(index, r.passages[0]) == ["kerja sama"]
    r = index.search("jepang -magang")
    from kemnaker_tui.search.query import words
    assert r.articles and all("magang" not in words(index.corpus.article(h.article).text[h.start:h.end])
                              for h in r.passages)


def test_or(index):
    r = index.search("jica OR fauziyah ")
    assert {h.article for h in r.articles} == {"a2.txt", "a3.txt"}


def test_entity_filters_resolve_aliases_and_fuzzy_names(index):
    arts = lambda q: {h.article for h in index.search(q).articles}
    assert arts("person:anwar") == {"a1.txt", "a2.txt"}
    assert arts('person:"Sekjen Anwar"') == {"a1.txt", "a2.txt"}      # alias
    assert arts("person:anwr sanusi") == {"a1.txt", "a2.txt"} or arts('person:"anwr sanusi"') == {"a1.txt", "a2.txt"}
    assert arts('person:"Menaker Ida"') == {"a3.txt"}
    assert arts("org:kemnaker") == {"a1.txt", "a2.txt", "a3.txt", "a4.txt"}   # acronym
    assert arts('org:"Ministry of Manpower"') == {"a1.txt", "a2.txt", "a3.txt", "a4.txt"}
    assert arts("program:tokutei") == {"a1.txt"}
    assert arts("place:tokyo") == {"a2.txt", "a4.txt"}
    assert arts("org:jica pelatihan") == {"a2.txt"}
    r = index.search("person:nobody")
    assert not r.articles and any("nobody" in p for p in r.problems)
    # one letter is a name still being typed: nothing yet, and a hint
    r = index.search("person:a")
    assert not r.articles and not r.passages and any("at least 2 letters" in p for p in r.problems)
    assert arts("person:an") == {"a1.txt", "a2.txt"}


def test_sidebar_entity_ids(index):
    r = index.search("jepang", entity_ids=frozenset({"person:anwar-sanusi"}))
    assert {h.article for h in r.articles} == {"a1.txt"}
    r = index.search("", entity_ids=frozenset({"place:tokyo"}))
    assert [h.article for h in r.articles] == ["a2.txt", "a4.txt"]     # recency: dated first


def test_outlet_lang_and_dates(index):
    arts = lambda q: {h.article for h in index.search(q).articles}
    assert arts("outlet:antara") == {"a2.txt"}
    assert arts("lang:en") == {"a4.txt"}
    assert arts("from:2023-01 to:2023-12") == {"a2.txt"}
    assert arts("from:2023 jepang") == {"a1.txt"}


def test_filters_every_article_passes_give_the_same_hits(index):
    """lang:/outlet:/from:/to: covering the whole corpus are dropped from the query
    (a clause over every document is pure cost); the hits must not change."""
    def hits(q):
        r = index.search(q)
        return [(h.kind, h.article, h.start, round(h.score, 4)) for kind in ("articles", "passages", "quotes",
                                                                             "figures") for h in r.hits(kind)]
    plain = hits("jepang")
    assert plain
    assert hits("lang:id OR lang:en jepang") == hits("lang:id lang:en jepang") == plain
    assert {a for _k, a, _s, _c in hits("lang:id jepang")} <= {"a1.txt", "a2.txt", "a3.txt"}
    # a4 is undated: a date range wide enough for every dated article still drops it
    assert "a4.txt" not in {a for _k, a, _s, _c in hits("from:1990 to:2030 tokyo")}
    assert "a4.txt" in {a for _k, a, _s, _c in hits("tokyo")}


def test_filters_every_article_passes_are_dropped_on_a_uniform_corpus(corpus):
    from kemnaker_tui.model import Corpus
    from kemnaker_tui.search import SearchIndex
    from kemnaker_tui.search.query import parse_query
    dated = tuple(a for a in corpus.articles if a.published and a.language == "id")
    uniform = SearchIndex.build(Corpus(articles=dated, entities=(), meetings=(), quotes=(), figures=()))
    def hits(q):
        return [(h.article, h.start, round(h.score, 4)) for h in uniform.search(q).passages]
    assert hits("jepang")
    assert hits("lang:id from:2000 to:2030 jepang") == hits("jepang")
    assert uniform._filters("passages", parse_query("lang:id from:2000 to:2030 jepang"), frozenset(), []) == []
    assert hits("from:2023-06 jepang") != hits("jepang")


def test_empty_query_with_filters_lists_by_recency(index):
    r = index.search("lang:id")
    assert [h.article for h in r.articles] == ["a1.txt", "a2.txt", "a3.txt"]
    assert r.counts["articles"] == 3
    # no query at all: everything, newest first (undated last), so a user can browse
    assert [h.article for h in index.search("").articles] == ["a1.txt", "a2.txt", "a3.txt", "a4.txt"]


def test_scopes(index):
    r = index.search("in:quotes pelatihan")
    assert [h.ref_id for h in r.quotes] == ["q1"] and not r.articles and not r.passages
    r = index.search("in:figures peserta")
    assert [h.ref_id for h in r.figures] == ["f1"] and not r.quotes
    r = index.search("in:titles jica")
    assert [h.article for h in r.articles] == ["a2.txt"] and not r.passages
    r = index.search("in:titles tokyo ")
    assert [h.article for h in r.articles] == ["a4.txt"]


def test_quotes_found_by_speaker(index):
    r = index.search("sanusi ")
    assert [h.ref_id for h in r.quotes] == ["q1"]


def test_boilerplate_excluded_by_default(index):
    assert not index.search("emas ").passages
    r = index.search("emas ", include_boilerplate=True)
    assert [h.article for h in r.passages] == ["a1.txt"]
    assert spans_text(index, r.passages[0]) == ["Emas"]
    # phrases and filters alone follow the same rule; an exclude reaches boilerplate when it is searched
    assert not index.search('"harga emas"').passages
    assert [h.article for h in index.search('"harga emas"', include_boilerplate=True).passages] == ["a1.txt"]
    assert not index.search("harga -emas", include_boilerplate=True).passages
    def bp_rows(r):
        return [h for h in r.passages if index.corpus.article(h.article).is_boilerplate(h.start, h.end)]
    assert not bp_rows(index.search("outlet:jpnn"))
    assert bp_rows(index.search("outlet:jpnn", include_boilerplate=True))


def test_highlight_spans_point_at_the_original_characters(index):
    for q in ("kemnekar", "pelatihan vokasi", '"kerja sama"', "mag", "tokyo", "52.440"):
        r = index.search(q)
        for kind in ("articles", "passages", "quotes", "figures"):
            for hit in r.hits(kind):
                text = index.corpus.article(hit.article).text
                for s in hit.spans:
                    assert 0 <= s.start < s.end <= len(text)
                    assert text[s.start:s.end].strip() == text[s.start:s.end]
                    if kind != "articles":
                        assert hit.start <= s.start and s.end <= hit.end
                snip = hit.snippet
                for a, b in snip.highlights:
                    piece = snip.text[a:b]
                    if snip.start >= 0:
                        # a highlight in the snippet is the same characters as in the article
                        off = a - (1 if snip.text.startswith("…") else 0) + snip.start
                        assert text[off:off + len(piece)].replace("\n", " ") == piece
    r = index.search("kemnekar")
    snip = r.passages[0].snippet
    assert snip.keyword.lower() == "kemnaker" and snip.text.startswith(snip.left)


def test_counts_and_limit(index):
    r = index.search("jepang", limit=1)
    assert len(r.articles) == 1 and r.counts["articles"] == 2


def test_malformed_query_never_raises(index):
    for q in ('"', 'person:"', "OR", "-", "from:x to:y", "in:", "((", "lang:zz kerja", "\x00", "İstanbul"):
        r = index.search(q)
        assert isinstance(r.problems, list)


def test_ties_break_on_recency(index):
    r = index.search("jep")     # prefix only: every hit has the same score
    dates = [h.published for h in r.articles if h.published]
    assert dates == sorted(dates, reverse=True)


def test_ties_keep_the_newest_when_more_tie_than_the_limit(corpus):
    """Typing "jep" matches many documents at one constant score; a page of
    them must be the newest, not the first ones read."""
    import dataclasses
    import datetime as dt

    from kemnaker_tui.model import Corpus
    from kemnaker_tui.search import SearchIndex
    base = corpus.articles[2]          # a3: "… ke Jepang …"
    # the corpus lists the oldest first: the newest must still win
    copies = tuple(dataclasses.replace(base, key=f"c{i}.txt", path=f"c{i}.txt",
                                       published=dt.date(2000 + i, 1, 1)) for i in range(30))
    index = SearchIndex.build(Corpus(articles=copies, entities=(), meetings=(), quotes=(), figures=()))
    for limit in (1, 5):
        r = index.search("jep", limit=limit)
        assert [h.article for h in r.articles] == [f"c{29 - i}.txt" for i in range(limit)]
        assert [h.published.year for h in r.passages][:1] == [2029]
        assert r.counts["articles"] == 30


def test_search_package_imports_no_ui():
    code = ("import sys, kemnaker_tui.search as s; s.SearchIndex; s.parse_query;"
            "import kemnaker_tui.search.index, kemnaker_tui.search.snippets;"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('textual','rich')]; print(bad); sys.exit(bool(bad))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_cli_search_json(tmp_path):
    import json
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "satu.txt").write_text(
        "Kemnaker Lepas Peserta Magang\n\njpnn.com, JAKARTA - Kementerian Ketenagakerjaan (Kemnaker) "
        "melepas 300 peserta magang ke Jepang pada Senin (22/4/2024). Pelatihan dilakukan di Bekasi.\n",
        encoding="utf-8")
    (folder / "dua.txt").write_text(
        "Harga Cabai Naik\n\nHarga cabai di pasar naik tajam menjelang Lebaran.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kemnaker_tui", "search", "kemnekar pelatih", str(folder),
                          "--json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [h["article"] for h in data["articles"]] == ["satu.txt"]
    text = (folder / "satu.txt").read_text(encoding="utf-8")
    assert {text[s:e] for s, e in data["articles"][0]["spans"]} >= {"Kemnaker", "Pelatihan"}
    out = subprocess.run([sys.executable, "-m", "kemnaker_tui", "search", "magang", str(folder)],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "magang" in out.stdout


def test_entity_ids_with_spaces_still_filter(corpus):
    """An id from a user's alias file may hold a space; the ent field splits on spaces."""
    import dataclasses

    from kemnaker_tui.model import Corpus
    from kemnaker_tui.search import SearchIndex
    odd = dataclasses.replace(corpus.entities[0], id="person:anwar  sanusi (sekjen)")
    index = SearchIndex.build(Corpus(articles=corpus.articles, entities=(odd,), meetings=(), quotes=(),
                                     figures=()))
    r = index.search("jepang", entity_ids={odd.id})
    assert {h.article for h in r.articles} == {"a1.txt"}
    assert {h.article for h in r.passages} == {"a1.txt"}
    assert {h.article for h in index.search("person:anwar jepang").articles} == {"a1.txt"}


def test_a_title_given_apart_from_the_text_is_searched_with_typos(article_factory):
    """JSONL files give a title that the text may not repeat: its words still match
    (typos allowed), rank above body-only matches, and in:titles finds them."""
    from kemnaker_tui.model import Corpus
    from kemnaker_tui.search import SearchIndex
    arts = (article_factory("t.jsonl#1", "Kunjungan kerja ke Osaka membahas penempatan.",
                         title="Delegasi Yokohama Tinjau Balai Pelatihan"),
            article_factory("t.jsonl#2", "Delegasi dari Yokohama datang lagi.", title="Berita lain"))
    index = SearchIndex.build(Corpus(articles=arts, entities=(), meetings=(), quotes=(), figures=()))
    assert [h.article for h in index.search("yokohamma").articles] == ["t.jsonl#1", "t.jsonl#2"]
    assert [h.article for h in index.search("in:titles yokohama").articles] == ["t.jsonl#1"]
    snip = index.search("tinjau").articles[0].snippet
    assert snip.keyword == "Tinjau" and snip.start == -1
