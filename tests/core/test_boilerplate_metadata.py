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


def test_header_date_forms_give_publication_date_and_are_boilerplate():
    cases = {
        "Contoh.com - 03/05/2021 14:05 WIB": dt.date(2021, 5, 3),
        "Kamis, 12 Januari 2023 - 09:30 WIB": dt.date(2023, 1, 12),
        "SENIN, 4 JULI 2022 | 10:15 WIB | PENULIS: NAMA SAJA": dt.date(2022, 7, 4),
        "Tue, March 8, 2016": dt.date(2016, 3, 8),
        "Redaksi - Rabu, 2 Oktober 2024 08:00 WIB": dt.date(2024, 10, 2),
        "Wed, 09/02/2015 - 11:20": dt.date(2015, 9, 2),      # the weekday says month first
    }
    for header, day in cases.items():
        text = f"Pelatihan Bahasa Jepang Dibuka Untuk Umum\n\n{header}\n\nJakarta - Balai pelatihan membuka kelas baru.\n"
        a = article(text)
        assert a.published == day, header
        assert any(text[b.start:b.end] == header for b in a.boilerplate), header


def test_ambiguous_numeric_header_decided_by_the_text():
    body = "Jakarta - Pada 1 Juni 2012, balai pelatihan membuka kelas baru untuk calon peserta.\n"
    a = article("Judul Berita Yang Cukup Panjang\n\n05/06/2012\n\n" + body)
    assert a.published == dt.date(2012, 6, 5)
    body_en = "Jakarta - On May 2, 2012, the training centre opened a new class for candidates.\n"
    a = article("A Headline Long Enough To Be One\n\n05/06/2012\n\n" + body_en)
    assert a.published == dt.date(2012, 5, 6)


def test_a_sentence_with_a_date_is_no_header_and_wire_datelines():
    a = article("Judul Berita Yang Cukup Panjang\n\nRapat koordinasi digelar 5 Maret 2024 di Jakarta.\n")
    assert a.published is None
    a = article("Nurses Leave For Japan After Training\nTOKYO, May 3 Kyodo -\nA group of nurses left on Friday.\n")
    assert a.outlet == "Kyodo" and a.dateline == "Tokyo"
    a = article("Surabaya (ANTARA News) - The ministry signed a memorandum with the agency on Monday and more.\n")
    assert a.outlet == "ANTARA News" and a.dateline == "Surabaya"
    a = article("JAKARTA, SELASA - Menteri menerima delegasi dari Jepang di kantornya.\n")
    assert a.outlet is None and a.dateline == "Jakarta"
    a = article("Laporan Wartawan Contoh, Nama Saja\nJAKARTA - Menteri menerima delegasi dari Jepang di kantornya.\n")
    assert not a.title.startswith("Laporan")


def test_a_country_after_the_dateline_city_is_no_outlet():
    a = article("BEKASI, Indonesia - A Japanese company opened a welding training centre on Wednesday in the city.\n")
    assert a.outlet is None and a.dateline == "Bekasi"


def test_more_header_and_dateline_forms():
    a = article("Judul Berita Yang Cukup Panjang\n\nPublished: Mar. 8, 2016 10:05 a.m.\n\n"
                "Tokyo - The ministry signed a memorandum with the agency.\n")
    assert a.published == dt.date(2016, 3, 8)
    a = article("Judul Berita Yang Cukup Panjang\n\nPosted on March 8, 2016 at 2:05 pm by Admin\n\n"
                "Tokyo - The ministry signed a memorandum with the agency.\n")
    assert a.published == dt.date(2016, 3, 8)
    a = article("Jakarta, Senin (4/3/2024) - Menteri menerima delegasi dari Jepang di kantornya.\n")
    assert a.published == dt.date(2024, 3, 4) and a.dateline == "Jakarta"
    a = article("TOKYO, March 8 (Kyodo) - Japan will accept more caregivers from Indonesia, officials said.\n")
    assert a.outlet == "Kyodo" and a.dateline == "Tokyo"
