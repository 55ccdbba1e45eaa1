"""Boilerplate is marked (not deleted) and metadata comes from the text."""
import datetime as dt

from kemnaker_tui.corpus.article import build_article
from kemnaker_tui.model import RawDocument


def article(text, **kw):
    return build_article(RawDocument(key="t.txt", path="t.txt", text=text, encoding="utf-8", **kw))


TEXT = """Kemnaker dan JICA Perkuat Pelatihan Vokasi

Selasa, 12 Maret 2024 – 14:05 WIB
Menteri Ketenagakerjaan Ida Fauziyah saat memberikan sambutan. Foto: Humas Kemnaker

jpnn.com, JAKARTA - Menteri Ketenagakerjaan Ida Fauziyah menerima kunjungan delegasi JICA.

BACA JUGA: Menteri Lain Bicara Soal Hal Lain

“Kami siap memperluas kerja sama pelatihan,” kata Ida. (flo/jpnn)

Redaktur : Budi Santoso
Reporter : Budi Santoso

Silakan baca konten menarik lainnya dari JPNN.com di Google News
"""


def test_boilerplate_spans_and_text_kept():
    a = article(TEXT)
    marked = [TEXT[b.start:b.end].strip() for b in a.boilerplate]
    assert "BACA JUGA: Menteri Lain Bicara Soal Hal Lain" in marked
    assert "(flo/jpnn)" in marked
    assert "Redaktur : Budi Santoso" in marked and "Reporter : Budi Santoso" in marked
    assert any(m.startswith("Menteri Ketenagakerjaan Ida Fauziyah saat") for m in marked)   # photo caption
    assert any(m.startswith("Silakan baca") for m in marked)
    # Nothing deleted, and no sentence reaches into boilerplate.
    assert a.text == TEXT
    for s in a.sentences:
        assert not a.is_boilerplate(s.start, s.end)


def test_metadata_explicit_title_outlet_dateline_published():
    a = article(TEXT)
    assert a.title == "Kemnaker dan JICA Perkuat Pelatihan Vokasi"
    assert a.outlet == "jpnn.com" and a.dateline == "Jakarta"
    assert a.published == dt.date(2024, 3, 12)
    assert a.language == "id"


def test_dateline_with_date_and_derived_title():
    a = article("Surabaya, 05 Agustus 2024 – Dinas Tenaga Kerja menggelar pelatihan bahasa Jepang bagi 120 peserta. "
                "Pelatihan berlangsung sebulan.\n")
    assert a.dateline == "Surabaya" and a.published == dt.date(2024, 8, 5) and a.outlet is None
    assert a.title.startswith("Dinas Tenaga Kerja menggelar pelatihan")


def test_antara_style_and_english():
    a = article("Tokyo (ANTARA) - The Indonesian embassy said on Monday that the ministry signed a memorandum "
                "with the agency and that the programme will continue.\n")
    assert a.outlet == "ANTARA" and a.dateline == "Tokyo" and a.language == "en"


def test_trailing_initials_and_bare_link_headline():
    text = ("Kementerian menggelar rapat koordinasi.\nBaca juga:\nJudul Berita Lain Yang Menarik\n"
            "\"Kami akan terus mendukung program ini,\" imbuhnya. jk\n")
    a = article(text)
    marked = [text[b.start:b.end].strip() for b in a.boilerplate]
    assert "Judul Berita Lain Yang Menarik" in marked and "jk" in marked


def test_jsonl_fields_win():
    a = article("Kemnaker menggelar rapat hari ini di Jakarta bersama mitra.\n", title="Judul Dari Feed",
                published="2024-01-02", outlet="Contoh News")
    assert a.title == "Judul Dari Feed" and a.published == dt.date(2024, 1, 2) and a.outlet == "Contoh News"
