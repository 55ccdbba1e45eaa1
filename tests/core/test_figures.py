"""Figures: number forms, units, and what is not a figure."""
import pytest

from kemnaker_tui.analysis.figures import parse_number


@pytest.mark.parametrize("raw,lang,mult,value", [
    ("52.440", "id", False, 52440), ("2,5", "id", False, 2.5), ("1,2", "id", True, 1.2),
    ("85,415", "id", False, 85415), ("85,415", "en", False, 85415), ("2.5", "en", True, 2.5),
    ("1.250.000", "id", False, 1250000), ("1,250", "id", True, 1.25), ("12,500.75", "en", False, 12500.75),
])
def test_parse_number(raw, lang, mult, value):
    assert parse_number(raw, lang, mult) == value


def test_figures_in_sentences(analyse_texts):
    corpus = analyse_texts({"a.txt": (
        "Jakarta - Kemnaker menargetkan 100 ribu pekerja terampil berangkat ke Jepang dalam 5 tahun. "
        "Hingga Juni 2024, sebanyak 1.250 peserta magang telah berangkat, naik 12,5 persen. "
        "Anggaran pelatihan mencapai Rp1,2 triliun. Pada tahun 2023 ada 2,5 juta pencari kerja.\n"
        "Menurut UU Nomor 13 Tahun 2003, rapat ke-3 digelar pukul 09.30 WIB pada Senin (3/6/2024).\n"
        "Baca juga: Menaker Puji 2 Ribu Pekerja\n")})
    got = {(f.value, f.unit) for f in corpus.figures}
    assert got == {(100000, "pekerja"), (5, "tahun"), (1250, "peserta magang"), (12.5, "persen"),
                   (1.2e12, "Rp"), (2.5e6, "pencari kerja")}
    for f in corpus.figures:
        a = corpus.article(f.article)
        assert a.text[f.start:f.end] == f.text
        assert a.sentences and f.sentence.start <= f.start < f.sentence.end


def test_english_article(analyse_texts):
    corpus = analyse_texts({"en.txt": (
        "Tokyo - The ministry said that 85,415 trainees were working in Japan and the agency "
        "expects 2.5 thousand more workers by next year, the official told reporters.\n")})
    assert {(f.value, f.unit) for f in corpus.figures} == {(85415, "trainees"), (2500, "workers")}


def figures_of(analyse_texts, text, name="a.txt"):
    corpus = analyse_texts({name: text})
    return corpus, [(f.value, f.unit) for f in corpus.figures if f.article == name]


def test_number_words_in_both_languages(analyse_texts):
    _, got = figures_of(analyse_texts, (
        "Jakarta - Sebanyak Dua ribu anak muda akan berlatih selama lima tahun di balai kota. "
        "Tahun ini dua puluh lima peserta dan dua belas pendamping ikut, sementara salah satu peserta "
        "sudah bekerja setahun di Osaka.\n"))
    assert got == [(2000, "anak muda"), (5, "tahun"), (25, "peserta"), (12, "pendamping"), (1, "tahun")]
    _, got = figures_of(analyse_texts, (
        "Tokyo - The two-year programme trains nurses for nine months before they leave. "
        "One trainee arrived early, and one of the mentors said the course works.\n"), "en.txt")
    assert got == [(2, "year"), (9, "months"), (1, "trainee")]


def test_separators_by_language_and_context(analyse_texts):
    _, got = figures_of(analyse_texts, (
        "Tokyo - The agency said 12.450 workers arrived this year, and wages rose 2.5 percent.\n"), "en.txt")
    assert got == [(12450, "workers"), (2.5, "persen")]


def test_ages_streets_widgets_junk_and_relative_times_are_not_figures(analyse_texts):
    _, got = figures_of(analyse_texts, (
        "Semarang - Rina Wulandari, 34, bekerja di Osaka sejak tiga tahun lalu. Peserta lain, Dimas (22) asal "
        "Solo, mendaftar di kantor Jl. Pahlawan Raya 12 bersama 40 peserta.\n"
        "5 min read\n"
        "“Kami siap,” kata Dimas.***7***\n"))
    assert got == [(40, "peserta")]


def test_a_figure_told_again_is_listed_once(analyse_texts):
    _, got = figures_of(analyse_texts, (
        "Bandung - Sebanyak 300 peserta mengikuti seleksi dan empat orang gugur. Empat orang itu pulang lebih awal. "
        "Dari 300 peserta tersebut, separuh perempuan.\n"))
    assert got == [(300, "peserta"), (4, "orang")]


def test_claimant_from_a_quote_an_attribution_or_a_source(analyse_texts):
    corpus = analyse_texts({"c.txt": (
        "Jakarta - Kementerian Ketenagakerjaan terus memperluas pelatihan.\n"
        "“Kami menargetkan 500 peserta tahun ini,” kata Kepala Balai Budi Santoso.\n"
        "Menurut Kepala Dinas Rina Wulandari, sebanyak 120 peserta sudah lolos tes bahasa.\n"
        "Menurut data Badan Pusat Statistik, pengangguran terbuka mencapai 7 juta orang.\n"
        "Sebanyak 40 peserta mengikuti pelatihan lanjutan.\n")})
    by_value = {f.value: f for f in corpus.figures}
    assert by_value[500].claimed_by == "Budi Santoso" and "inside a quote by Budi Santoso" in by_value[500].why
    assert by_value[500].claimed_by_id.startswith("person:")
    assert by_value[120].claimed_by == "Rina Wulandari" and "attributed" in by_value[120].why
    assert by_value[7e6].claimed_by == "Badan Pusat Statistik" and by_value[7e6].unsure
    assert by_value[40].claimed_by is None and "unit: `peserta`" in by_value[40].why


def test_an_organisation_that_says_a_figure_claims_it(analyse_texts):
    corpus = analyse_texts({"o.txt": (
        "Jakarta - Badan Pelindungan Pekerja Migran Indonesia mengatakan 8.000 pekerja berangkat bulan ini.\n")})
    f = next(f for f in corpus.figures if f.article == "o.txt")
    assert f.value == 8000 and f.claimed_by == "Badan Pelindungan Pekerja Migran Indonesia" and f.unsure


def test_english_adjectives_belong_to_the_unit(analyse_texts):
    _, got = figures_of(analyse_texts, (
        "Bekasi - The centre will train 300 Indonesian technicians a year with 20 local vocational schools, "
        "and 12 Japanese companies joined.\n"), "adj.txt")
    assert got == [(300, "indonesian technicians"), (20, "local vocational schools"), (12, "japanese companies")]


def test_a_figure_in_a_quote_with_no_known_speaker_has_no_claimant(analyse_texts):
    corpus = analyse_texts({"q.txt": (
        "Jakarta - Kepala Balai Budi Santoso membuka pelatihan.\n"
        "“Tahun ini ada 700 peserta,” demikian bunyi pengumuman di papan balai.\n")})
    f = next(f for f in corpus.figures if f.article == "q.txt" and f.value == 700)
    assert f.claimed_by is None and "inside a quote whose speaker is not known" in f.why
