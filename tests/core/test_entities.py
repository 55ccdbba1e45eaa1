"""People with roles, organisations, programs and places — merged across aliases
over the whole corpus. Sentences are written here, not taken from the seeds."""
import pytest


def by_name(corpus, name):
    for e in corpus.entities:
        if e.name == name:
            return e
    raise AssertionError(f"{name!r} not among {[e.name for e in corpus.entities]}")


def names(corpus, etype):
    return sorted(e.name for e in corpus.entities if e.type == etype)


A = ("detik.com, JAKARTA - Menteri Ketenagakerjaan (Menaker) Ida Fauziyah bertemu Duta Besar Jepang "
     "untuk Indonesia Masaki Yasushi di kantor Kemnaker, Jakarta, Senin (4/3/2024).\n"
     "Menaker Ida mengatakan kerja sama dengan Organization for Technical Intern Training (OTIT) terus berjalan.\n"
     "Hadir pula Kepala Badan Pelindungan Pekerja Migran Indonesia (BP2MI) Benny Rhamdani.\n"
     "Baca juga: Gubernur Jawa Tengah Ganjar Pranowo Resmikan Pasar\n")
B = ("Tokyo - Yasushi Masaki, Ambassador of Japan to Indonesia, said the Specified Skilled Worker (SSW) "
     "programme would grow.\n"
     "Sekretaris Jenderal Kemenaker, Anwar Sanusi, menyebut Kemnekar menyiapkan 5.000 peserta.\n"
     "Sekjen Anwar juga bertemu Gubernur Prefektur Aichi Hideaki Omura di Nagoya.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    root = tmp_path_factory.mktemp("ent")
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "b.txt").write_text(B, encoding="utf-8")
    return analyse_paths([root])


def test_people_and_roles(corpus):
    people = names(corpus, "person")
    assert "Ida Fauziyah" in people and "Benny Rhamdani" in people and "Hideaki Omura" in people
    assert "Ganjar Pranowo" not in people                       # only in a "Baca juga" headline
    ida = by_name(corpus, "Ida Fauziyah")
    assert any(r.startswith("Menteri Ketenagakerjaan") for r in ida.roles)
    assert "Menaker Ida" in ida.aliases
    benny = by_name(corpus, "Benny Rhamdani")
    assert any("Kepala Badan Pelindungan Pekerja Migran Indonesia" in r for r in benny.roles)
    assert any(r.startswith("Gubernur Prefektur Aichi") for r in by_name(corpus, "Hideaki Omura").roles)


def test_japanese_name_order_is_one_person(corpus):
    masaki = [e for e in corpus.entities if e.type == "person" and "Masaki" in e.name]
    assert len(masaki) == 1
    assert {m.article for m in masaki[0].mentions} == {"a.txt", "b.txt"}
    assert any("Ambassador" in r for r in masaki[0].roles) and any("Duta Besar" in r for r in masaki[0].roles)


def test_title_and_surname_merge_with_full_name(corpus):
    anwar = by_name(corpus, "Anwar Sanusi")
    assert "Sekjen Anwar" in anwar.aliases
    assert len([e for e in corpus.entities if e.type == "person" and "Anwar" in e.name]) == 1


def test_organisation_aliases_typos_and_acronyms(corpus):
    kemnaker = by_name(corpus, "Kementerian Ketenagakerjaan")
    surfaces = {m.text for m in kemnaker.mentions}
    assert {"Kemnaker", "Kemenaker", "Kemnekar"} <= surfaces
    assert {m.article for m in kemnaker.mentions} == {"a.txt", "b.txt"}
    otit = [e for e in corpus.entities if e.acronym == "OTIT"]
    assert len(otit) == 1 and otit[0].type == "organisation"
    bp2mi = [e for e in corpus.entities if e.acronym == "BP2MI"]
    assert len(bp2mi) == 1


def test_programs_and_places(corpus):
    ssw = [e for e in corpus.entities if e.acronym == "SSW"]
    assert len(ssw) == 1 and ssw[0].type == "program"
    places = names(corpus, "place")
    assert {"Jakarta", "Tokyo", "Nagoya", "Aichi", "Jepang", "Indonesia"} <= set(places)
    assert "Jawa Tengah" not in places                          # boilerplate only


def test_mentions_point_at_the_text(corpus):
    for e in corpus.entities:
        for m in e.mentions:
            assert corpus.article(m.article).text[m.start:m.end] == m.text


def test_ids_are_stable(corpus, tmp_path):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    again = analyse_paths([tmp_path])
    assert [e.id for e in again.entities] == [e.id for e in corpus.entities]
    assert [q.id for q in again.quotes] == [q.id for q in corpus.quotes]


def test_user_alias_file_merges_splits_renames_drops(analyse_texts, tmp_path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        'drop = ["Pemerintah Jepang"]\n'
        '[[entity]]\nname = "Kementerian Ketenagakerjaan"\ntype = "organisation"\naliases = ["Kementerian SDM"]\n'
        '[[split]]\nform = "Anwar"\nname = "Anwar Usman"\ntype = "person"\n'
        '[rename]\n"Yassierli" = "Prof. Yassierli"\n', encoding="utf-8")
    corpus = analyse_texts({"x.txt": (
        "Jakarta - Menteri Ketenagakerjaan Yassierli menerima pemerintah Jepang. "
        "Kementerian SDM menyiapkan pelatihan. Sekjen Anwar Sanusi hadir.\n"),
        "y.txt": "Jakarta - Sidang ditunda pekan depan, kata Anwar kepada wartawan.\n"},
        alias_file=aliases)
    kemnaker = by_name(corpus, "Kementerian Ketenagakerjaan")
    assert "Kementerian SDM" in {m.text for m in kemnaker.mentions}
    assert by_name(corpus, "Prof. Yassierli").type == "person"
    assert not [e for e in corpus.entities if e.name == "Pemerintah Jepang"]
    split = by_name(corpus, "Anwar Usman")
    assert [m.text for m in split.mentions] == ["Anwar"]


def test_broken_alias_file_is_a_clear_error(analyse_texts, tmp_path):
    bad = tmp_path / "aliases.toml"
    bad.write_text("[[entity]\nname=", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        analyse_texts({"x.txt": "Kemnaker menggelar rapat di Jakarta.\n"}, alias_file=bad)


def test_default_alias_file_is_used_and_a_broken_one_moved_aside(analyse_texts):
    from kemnaker_tui.userdata import aliases_path
    path = aliases_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[[entity]]\nname = "Kementerian Ketenagakerjaan"\naliases = ["Kementerian SDM"]\n',
                    encoding="utf-8")
    corpus = analyse_texts({"x.txt": "Jakarta - Kementerian SDM menyiapkan pelatihan bagi pemagang.\n"})
    assert by_name(corpus, "Kementerian Ketenagakerjaan").mentions[0].text == "Kementerian SDM"
    path.write_text("[[entity]\nbroken", encoding="utf-8")
    corpus = analyse_texts({"x.txt": "Jakarta - Kementerian SDM menyiapkan pelatihan bagi pemagang.\n"})
    assert any("moved aside" in w for w in corpus.warnings)
    assert not path.exists() and list(path.parent.glob("aliases.toml.corrupt*"))
