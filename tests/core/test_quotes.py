"""Quotes inside “…” or "…", with speakers from the attribution around them."""


def quotes_of(corpus):
    return [(q.speaker, q.text) for q in corpus.quotes]


def test_verbs_after_and_nya(analyse_texts):
    corpus = analyse_texts({"q.txt": (
        "Jakarta - Direktur Jenderal Binapenta Kemnaker Suhartono menerima tamu dari Jepang.\n"
        "“Kami ingin penempatan pekerja berjalan aman dan tertib,” kata Suhartono.\n"
        "Ia menambahkan bahwa pelatihan bahasa akan diperluas tahun depan.\n"
        "\"Pelatihan bahasa Jepang menjadi kunci keberhasilan peserta,\" ujarnya.\n"
        "Menurut Duta Besar Jepang Kanasugi Kenji, minat perusahaan terus naik.\n"
        "“Perusahaan kami membutuhkan banyak tenaga terampil dari Indonesia,\" tutur Dubes Kanasugi.\n")})
    assert quotes_of(corpus) == [
        ("Suhartono", "Kami ingin penempatan pekerja berjalan aman dan tertib"),
        ("Suhartono", "Pelatihan bahasa Jepang menjadi kunci keberhasilan peserta"),
        ("Kanasugi Kenji", "Perusahaan kami membutuhkan banyak tenaga terampil dari Indonesia"),
    ]


def test_verb_before_split_quote_and_unclosed(analyse_texts):
    corpus = analyse_texts({"q.txt": (
        "Bandung - Kepala Dinas Tenaga Kerja Jawa Barat Rachmat Taufik Garsadi hadir.\n"
        "Rachmat mengatakan, “Kami siapkan seribu lulusan SMK untuk program magang.”\n"
        "“Semua peserta dilatih tiga bulan,” kata Rachmat, “lalu diuji oleh lembaga sertifikasi.”\n"
        "\"Target kami tercapai pada akhir tahun ini, pungkasnya. (ant)\n")})
    got = quotes_of(corpus)
    assert got[0] == ("Rachmat Taufik Garsadi", "Kami siapkan seribu lulusan SMK untuk program magang.")
    assert got[1] == ("Rachmat Taufik Garsadi", "Semua peserta dilatih tiga bulan")
    assert got[2] == ("Rachmat Taufik Garsadi", "lalu diuji oleh lembaga sertifikasi.")
    assert got[3] == ("Rachmat Taufik Garsadi", "Target kami tercapai pada akhir tahun ini")
    assert corpus.quotes[3].unterminated


def test_english_said_and_offsets(analyse_texts):
    corpus = analyse_texts({"en.txt": (
        "Tokyo - Japanese Labour Minister Keizo Takemi met the delegation.\n"
        "\"We welcome more skilled workers from Indonesia,\" Takemi said.\n")})
    assert quotes_of(corpus) == [("Keizo Takemi", "We welcome more skilled workers from Indonesia")]
    q = corpus.quotes[0]
    assert corpus.article(q.article).text[q.start:q.end] == q.text


def test_short_scare_quotes_and_boilerplate_ignored(analyse_texts):
    corpus = analyse_texts({"q.txt": (
        "Program yang disebut \"link and match\" itu diluncurkan kemarin oleh pemerintah daerah.\n"
        "Baca juga: “Ini kutipan dari judul berita lain yang panjang sekali,” kata Seseorang\n")})
    assert corpus.quotes == ()
