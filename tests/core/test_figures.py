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
    assert got == {(100000, "pekerja"), (5, "tahun"), (1250, "peserta"), (12.5, "persen"),
                   (1.2e12, "Rp"), (2.5e6, "pencari")}
    for f in corpus.figures:
        a = corpus.article(f.article)
        assert a.text[f.start:f.end] == f.text
        assert a.sentences and f.sentence.start <= f.start < f.sentence.end


def test_english_article(analyse_texts):
    corpus = analyse_texts({"en.txt": (
        "Tokyo - The ministry said that 85,415 trainees were working in Japan and the agency "
        "expects 2.5 thousand more workers by next year, the official told reporters.\n")})
    assert {(f.value, f.unit) for f in corpus.figures} == {(85415, "trainees"), (2500, "workers")}
