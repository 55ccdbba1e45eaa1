"""Meetings: event date (not the statement date), place, participants."""
import datetime as dt


def test_meeting_with_date_place_participants(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "jpnn.com, JAKARTA - Menteri Ketenagakerjaan Yassierli bertemu Menteri Kesehatan, Tenaga Kerja "
        "dan Kesejahteraan Jepang, Takemi Keizo, di Tokyo, Jepang, Selasa (14/1/2025).\n"
        "Dalam pertemuan tersebut, kedua menteri membahas program SSW.\n"
        "“Kami sepakat memperluas pelatihan,” kata Yassierli dalam keterangannya, Kamis (16/1/2025).\n")})
    assert len(corpus.meetings) == 1
    m = corpus.meetings[0]
    assert m.date == dt.date(2025, 1, 14) and not m.year_inferred and m.date_text == "Selasa (14/1/2025)"
    assert m.place == "Tokyo, Jepang"
    assert set(m.participants) == {"Yassierli", "Takemi Keizo"}
    assert corpus.article(m.article).text[m.start:m.end].startswith("jpnn.com, JAKARTA - Menteri")


def test_statement_date_is_not_the_meeting_date(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Jakarta - Kemnaker menggelar forum pengembangan SDM bersama mitra dari Jepang.\n"
        "“Forum ini mempertemukan pemerintah dan industri,” kata Sekjen Kemnaker Anwar Sanusi "
        "dalam keterangannya, Rabu (29/11).\n")})
    assert len(corpus.meetings) == 1
    assert corpus.meetings[0].date is None and corpus.meetings[0].place == "Jakarta"


def test_organisation_as_party_and_year_inferred(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Rabu, 4 September 2024 – 10:00 WIB\n"
        "SURABAYAPAGI.COM, Surabaya - Kemnaker melakukan pertemuan dengan Ketua Asosiasi Pengusaha Jepang, "
        "Hiroshi Tanabe pada Senin (2/9).\n")})
    m = corpus.meetings[0]
    assert m.date == dt.date(2024, 9, 2) and m.year_inferred
    assert m.participants == ("Hiroshi Tanabe", "Kementerian Ketenagakerjaan")


def test_two_events_in_one_article(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Jakarta - Sekjen Kemnaker Anwar Sanusi bertemu Presiden JICA Akihiko Tanaka pada Senin (22/4/2024).\n"
        "Sebelumnya, Anwar mengunjungi kantor OTIT di Tokyo pada Jumat (19/4/2024).\n")})
    dates = sorted(m.date for m in corpus.meetings)
    assert dates == [dt.date(2024, 4, 19), dt.date(2024, 4, 22)]


def test_no_meeting_words_no_meeting(analyse_texts):
    corpus = analyse_texts({"m.txt": "Jakarta - Kemnaker membuka pendaftaran pelatihan bahasa Jepang.\n"})
    assert corpus.meetings == ()
