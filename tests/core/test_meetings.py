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


def one_meeting(analyse_texts, text):
    corpus = analyse_texts({"m.txt": text})
    assert len(corpus.meetings) == 1, corpus.meetings
    return corpus.meetings[0]


def test_statement_made_at_the_event_carries_its_date(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Semarang - Dinas Tenaga Kerja membuka seleksi calon pemagang ke Jepang.\n"
        "“Peserta harus disiplin sejak hari pertama,” kata Kepala Dinas Tenaga Kerja Budi Santoso "
        "di sela pembukaan seleksi di Aula BLK Kota Contoh, Selasa (12/3/2024).\n"))
    assert m.date == dt.date(2024, 3, 12) and not m.year_inferred
    assert "statement made at the event" in m.why and "`Selasa (12/3/2024)`" in m.why and "weekday checked" in m.why
    assert "Budi Santoso" in m.participants


def test_english_weekday_resolved_against_the_header_date(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Ministers Agree On Caregiver Training\n\nThu, June 13, 2024 - 10:20\n\n"
        "TOKYO (Contoh News) - Officials of the two ministries held a bilateral meeting in Tokyo on Tuesday "
        "to discuss caregiver training.\n"))
    assert m.date == dt.date(2024, 6, 11) and m.unsure
    assert "weekday alone" in m.why and m.kind == "bilateral meeting"


def test_header_date_is_not_the_event_date(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Wamenaker Tinjau Pabrik Mobil\n\nKAMIS, 07 MARET 2024 | 08:00 WIB | LAPORAN: NAMA PENULIS\n\n"
        "Wakil Menteri Ketenagakerjaan Budi Pranoto berkunjung ke pabrik mobil di Nagoya dan bertemu pekerja migran.\n"))
    assert m.date is None and m.kind == "visit"
    assert "none given" in m.why and not m.unsure


def test_a_worker_signing_a_work_contract_is_no_meeting(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Osaka - Sebanyak 40 pekerja menandatangani kontrak kerja dengan perusahaan pengolahan makanan, "
        "Senin (4/3/2024).\nMereka akan bekerja selama tiga tahun.\n")})
    assert corpus.meetings == ()


def test_event_kinds_from_the_data_file(analyse_texts):
    cases = {
        "Kemnaker menggelar rakor dengan asosiasi penyelenggara pemagangan di Bandung, Rabu (6/3/2024).":
            "coordination meeting",
        "Kemnaker melaksanakan pelepasan 120 peserta magang ke Jepang di Bekasi, Jumat (8/3/2024).": "send-off",
        "Sebanyak 30 perusahaan Jepang mengikuti business matching di Jakarta, Kamis (7/3/2024).":
            "business matching",
        "Kedua lembaga menandatangani Memorandum of Cooperation di Tokyo, Senin (4/3/2024).": "signing",
        "Menaker menerima kunjungan kehormatan Duta Besar di kantornya, Selasa (5/3/2024).": "courtesy call",
    }
    for sentence, kind in cases.items():
        corpus = analyse_texts({"m.txt": "Jakarta - " + sentence + "\n"})
        assert [m.kind for m in corpus.meetings] == [kind], sentence


def test_soft_event_words_need_a_day_a_place_or_an_organising_verb(analyse_texts):
    corpus = analyse_texts({"m.txt": "Jakarta - Menurut Budi Santoso, seleksi magang ke Jepang memang ketat.\n"})
    assert corpus.meetings == ()
    m = one_meeting(analyse_texts, "Kendari - Seleksi magang ke Jepang digelar Dinas Tenaga Kerja dan dibuka "
                                   "Wali Kota Kendari, Budi Santoso.\n")
    assert m.kind == "selection" and m.date is None and "Budi Santoso" in m.participants


def test_missing_year_from_dated_expressions_not_from_a_vision_year(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Jakarta - Kemnaker menyiapkan tenaga kerja menyongsong Indonesia Emas 2045. Pemberangkatan peserta "
        "dijadwalkan pada 3 Mei 2023.\n"
        "“Persiapan sudah matang,” ujar Budi Santoso dalam sambutannya di rakor di Jakarta, Selasa (25/4).\n")})
    dates = sorted(m.date for m in corpus.meetings)
    assert dates == [dt.date(2023, 4, 25), dt.date(2023, 5, 3)]
    rakor = next(m for m in corpus.meetings if m.date == dt.date(2023, 4, 25))
    assert rakor.year_inferred and rakor.unsure and rakor.kind == "coordination meeting"


def test_one_visit_two_counterparts_two_meetings(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Jakarta - Dirjen Binapenta Budi Santoso berkunjung ke daerah itu dan bertemu dengan Wali Kota Contoh, "
        "Kenji Watanabe, serta Ketua Kamar Dagang, Hiroshi Yamada, pada Rabu (4/9/2024) di Osaka.\n"
        "Dalam pertemuan dengan Kenji Watanabe, Budi membahas pelatihan perawat.\n"
        "Saat bertemu dengan Hiroshi Yamada, Budi menawarkan kerja sama magang.\n")})
    pairs = sorted(tuple(sorted(m.participants)) for m in corpus.meetings)
    assert pairs == [("Budi Santoso", "Hiroshi Yamada"), ("Budi Santoso", "Kenji Watanabe")]
    assert all(m.date == dt.date(2024, 9, 4) for m in corpus.meetings)
    assert any("meetings of the same visit" in m.why for m in corpus.meetings)


def test_the_ministry_of_a_named_minister_is_no_second_party(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Jakarta - Kementerian Ketenagakerjaan membuka bursa kerja di halaman kantornya, Kamis (6/6/2024).\n"
        "“Ada 20.000 lowongan hari ini,” ujar Menteri Ketenagakerjaan Budi Santoso saat ditemui di lokasi.\n"))
    assert m.participants == ("Budi Santoso",) and m.kind == "job fair"


def test_event_with_nobody_named_takes_the_people_quoted(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Jakarta - Sebuah acara temu alumni magang digelar di Jakarta untuk membantu mereka mencari kerja.\n"
        "“Kami ingin mereka cepat bekerja kembali,” kata Kepala Balai Budi Santoso.\n"))
    assert m.participants == ("Budi Santoso",) and m.unsure and m.kind == "event"
    assert "the people the article quotes" in m.why
    # A quote given to the press is no sign of taking part.
    corpus = analyse_texts({"n.txt": (
        "Jakarta - Sebuah acara temu alumni magang digelar di Jakarta untuk membantu mereka mencari kerja.\n"
        "“Kami ingin mereka cepat bekerja kembali,” kata Kepala Balai Budi Santoso dalam keterangannya.\n")})
    assert [m for m in corpus.meetings if m.article == "n.txt"] == []


def test_place_is_the_venue_or_the_last_known_place_never_a_name(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Jakarta - Menteri Budi Santoso menghadiri Graduation Ceremony Training Program in Japan Batch 7 "
        "pada Rabu (5/6/2024) di Jakarta Timur.\n"))
    assert m.place == "Jakarta Timur"
    m = one_meeting(analyse_texts, (
        "Semarang - Ratusan pemuda dari sejumlah kabupaten mengikuti seleksi magang, Senin (3/6/2024).\n"
        "Seleksi berlangsung di Kantor Dinas Tenaga Kerja, Semarang.\n"))
    assert m.place == "Kantor Dinas Tenaga Kerja, Semarang"


def test_meeting_a_need_is_no_meeting(analyse_texts):
    corpus = analyse_texts({"m.txt": (
        "Tokyo - The programme is meeting the growing needs of Japanese factories, and it met its target "
        "on Monday, the agency said.\n")})
    assert corpus.meetings == ()


def test_a_date_without_a_year_that_nothing_tells_is_kept_as_printed(analyse_texts):
    m = one_meeting(analyse_texts, (
        "SLEMAN - “Kami terus berkoordinasi,” kata Menteri Budi Santoso, Ahad (20/3), saat ditemui usai "
        "kunjungannya ke lokasi bencana di Balai Desa Contoh.\n"))
    assert m.date is None and m.date_text == "Ahad (20/3)" and m.unsure
    assert "no calendar date" in m.why


def test_a_reported_event_keeps_its_date_a_bare_statement_does_not(analyse_texts):
    m = one_meeting(analyse_texts, (
        "Jakarta - Menteri Budi Santoso mengatakan, pertemuan dengan Menteri Kesehatan Jepang Kenji Watanabe "
        "digelar di Tokyo, Senin (6/11/2023).\n"))
    assert m.date == dt.date(2023, 11, 6) and "what the sentence reports" in m.why
    m = one_meeting(analyse_texts, (
        "Jakarta - Menteri Budi Santoso bertemu Menteri Kesehatan Jepang Kenji Watanabe di Tokyo.\n"
        "Menteri Budi Santoso mengatakan hal itu kepada wartawan di Jakarta, Rabu (8/11/2023).\n"))
    assert m.date is None
