"""People, organisations and places as the press writes them, with the evidence
for each entity. Every sentence here is invented for the test."""


def names(corpus, etype):
    return sorted(e.name for e in corpus.entities if e.type == etype)


def entity(corpus, name):
    return next(e for e in corpus.entities if e.name == name)


# ---- people -------------------------------------------------------------

def test_english_titles_and_appositives(analyse_texts):
    corpus = analyse_texts({"en.txt": (
        "Osaka - Consul General Keiko Sato welcomed the nurses at the airport.\n"
        "Dedi Pranoto, an official at the manpower ministry, joined the welcome.\n"
        "Rina Marlina, 26, who worked in a Jakarta hospital, was among them.\n")})
    assert names(corpus, "person") == ["Dedi Pranoto", "Keiko Sato", "Rina Marlina"]
    sato = entity(corpus, "Keiko Sato")
    assert sato.roles == ("Consul General",)
    assert "title + name" in sato.why and sato.unsure          # seen once
    assert "after a comma" in entity(corpus, "Dedi Pranoto").why


def test_newer_indonesian_titles(analyse_texts):
    corpus = analyse_texts({"id.txt": (
        "Jakarta - Wamenaker Rizal Hakim dan Atnaker Tokyo Nur Aini menghadiri rapat.\n"
        "Rapat juga dihadiri Kadisnakertrans Jawa Timur Bagus Wicaksono.\n")})
    assert names(corpus, "person") == ["Bagus Wicaksono", "Nur Aini", "Rizal Hakim"]


def test_given_names_and_japanese_names_without_titles(analyse_texts):
    corpus = analyse_texts({"a.txt": (
        "Bogor - Salah satu calon pemagang, Sri Lestiani (22) asal Cianjur, datang sejak pagi.\n"
        "Ia ditemani Muhammad Faisal Akbar, kakaknya.\n"
        "Di booth lain, Yuki Tanabe menjelaskan syarat bahasa bagi pelamar.\n")})
    assert names(corpus, "person") == ["Muhammad Faisal Akbar", "Sri Lestiani", "Yuki Tanabe"]


def test_headline_verbs_and_cities_are_not_people(analyse_texts):
    corpus = analyse_texts({"h.txt": (
        "Menaker Kunjungi Balai Pelatihan di Semarang\n\n"
        "Semarang - Menteri Ketenagakerjaan Hendra Gunawan mengunjungi balai pelatihan.\n"
        "Wali Kota Semarang juga hadir.\n")})
    assert names(corpus, "person") == ["Hendra Gunawan"]


def test_initials_and_academic_titles_stay_out_of_roles(analyse_texts):
    corpus = analyse_texts({"t.txt": (
        "Jakarta - Menteri Ketenagakerjaan M. Hadi Santoso bertemu Rektor Universitas Nusantara "
        "Prof. Dr. Lina Marpaung.\n")})
    hadi = entity(corpus, "M. Hadi Santoso")
    assert hadi.roles == ("Menteri Ketenagakerjaan",)
    lina = entity(corpus, "Lina Marpaung")
    assert lina.roles == ("Rektor Universitas Nusantara",)


def test_spelling_variants_of_one_name_are_one_person(analyse_texts):
    corpus = analyse_texts({"s.txt": (
        "Jakarta - Kepala Balai Latihan Kerja Bekasi Wahyudi Prasetyo membuka pelatihan.\n"
        "Menurut Wahyudy Prasetyo, peserta berasal dari lima provinsi.\n"
        "Direktur Soeryanto Hadi dan Direktur Suryanto Hadi adalah orang yang sama di berita ini.\n")})
    assert names(corpus, "person").count("Wahyudi Prasetyo") + names(corpus, "person").count(
        "Wahyudy Prasetyo") == 1
    assert len([n for n in names(corpus, "person") if n.endswith("Hadi")]) == 1


def test_a_bare_surname_does_not_join_a_person_of_another_article(analyse_texts):
    corpus = analyse_texts({
        "a.txt": "Jakarta - Kepala Dinas Tenaga Kerja Jawa Tengah Ahmad Santosa membuka seleksi.\n",
        "b.txt": "Kudus - Seorang pedagang bernama Ahmad membuka lapak di alun-alun, kata Ahmad kepada wartawan.\n",
    })
    santosa = entity(corpus, "Ahmad Santosa")
    assert santosa.articles == ("a.txt",)


# ---- organisations ------------------------------------------------------

def test_governments_acting_as_parties(analyse_texts):
    corpus = analyse_texts({"g.txt": (
        "Jakarta - Pemerintah RI dan pemerintah Jepang sepakat memperluas kerja sama.\n"
        "Pemerintah Provinsi Jawa Tengah dan Pemkab Boyolali menyiapkan peserta.\n"
        "Both the Japanese and Indonesian governments want more skilled workers.\n")})
    orgs = names(corpus, "organisation")
    assert "Pemerintah Indonesia" in orgs and "Pemerintah Jepang" in orgs
    assert "Pemerintah Provinsi Jawa Tengah" in orgs and "Pemerintah Kabupaten Boyolali" in orgs
    japan = entity(corpus, "Pemerintah Jepang")
    assert "Japanese government" in japan.aliases
    assert "government of a country" in japan.why


def test_english_names_of_indonesian_bodies_are_one(analyse_texts):
    corpus = analyse_texts({"e.txt": (
        "Jakarta - The Ministry of Manpower opened the fair.\n"
        "Kementerian Ketenagakerjaan (Kemnaker) menyiapkan lowongan.\n"
        "Kementrian Tenaga Kerja RI juga hadir.\n"
        "A Manpower Ministry official said the fair would return.\n")})
    assert names(corpus, "organisation") == ["Kementerian Ketenagakerjaan"]


def test_roles_events_documents_and_kinds_are_not_organisations(analyse_texts):
    corpus = analyse_texts({"r.txt": (
        "Jakarta - Dewan Prefektur Aichi dan Gubernur Aichi menerima rombongan.\n"
        "Lembaga Pelatihan (LP) di daerah itu menyiapkan peserta.\n"
        "Graduation Ceremony Technical Intern Training Program digelar di Tokyo.\n")})
    orgs = names(corpus, "organisation")
    assert "Dewan Prefektur Aichi" in orgs
    assert not any("Gubernur" in o or "Lembaga" in o or "Ceremony" in o for o in orgs)
    assert "Technical Intern Training Program" in names(corpus, "program")


def test_a_title_defined_with_its_acronym_is_no_organisation(analyse_texts):
    corpus = analyse_texts({"w.txt": (
        "Jakarta - Wakil Menteri Ketenagakerjaan (Wamenaker) Rizal Hakim membuka Job Fair 2024.\n"
        "Memorandum of Understanding (MoU) itu diteken oleh Peserta Magang dan perusahaan.\n")})
    assert names(corpus, "organisation") == []
    assert names(corpus, "person") == ["Rizal Hakim"]


def test_branches_companies_and_units(analyse_texts):
    corpus = analyse_texts({"b.txt": (
        "Pati - Peserta berlatih di BLK Pati sebelum berangkat.\n"
        "Perwakilan PT. Maju Bersama Sejahtera dan LPK Sakura Mandiri hadir.\n"
        "Siaran pers Biro Humas Kemnaker menyebut PLN dan KAI membuka lowongan.\n")})
    orgs = names(corpus, "organisation")
    assert "Balai Latihan Kerja" in orgs                        # the branch is the network's
    assert "PT. Maju Bersama Sejahtera" in orgs and "LPK Sakura Mandiri" in orgs
    assert "Biro Humas" in orgs and "Kementerian Ketenagakerjaan" in orgs
    assert "PLN" in orgs and "KAI" in orgs


def test_an_org_named_with_a_country_stays_an_org(analyse_texts):
    corpus = analyse_texts({"c.txt": (
        "Jakarta - Japan Foundation membuka kelas bahasa bagi calon pekerja.\n"
        "Kelas itu gratis untuk peserta dari Jepang maupun Indonesia.\n")})
    assert "Japan Foundation" in names(corpus, "organisation")
    assert "Jepang" in names(corpus, "place")


# ---- places -------------------------------------------------------------

def test_one_place_across_languages_and_glued_weekdays(analyse_texts):
    corpus = analyse_texts({
        "p.txt": ("Bandung - Pelatihan dibuka di Kota Bandung Kamis (12/10).\n"
                  "Peserta dari Provinsi Lainnya juga boleh ikut, kata panitia.\n"
                  "Lulusan akan berangkat ke Jepang tahun depan.\n"),
        "q.txt": "Tokyo - Nurses from Indonesia arrived in Japan on Friday.\n",
    })
    places = names(corpus, "place")
    assert "Bandung" in places and not any("Kamis" in p for p in places)
    assert not any("Lainnya" in p for p in places)
    japan = entity(corpus, "Jepang")
    assert set(japan.articles) == {"p.txt", "q.txt"}


def test_buildings_are_places(analyse_texts):
    corpus = analyse_texts({"k.txt": (
        "Semarang - Seleksi digelar di Aula BLK Semarang dan di Kantor Disnaker Jateng.\n")})
    places = names(corpus, "place")
    assert "Aula BLK Semarang" in places and "Kantor Disnaker Jateng" in places
