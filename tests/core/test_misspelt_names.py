"""A person's full name misspelt by one letter in another article is the same
person when the role agrees; a one-letter difference without a shared role, or
in a short word, keeps two people apart."""
from __future__ import annotations


def people(corpus):
    return sorted(e.name for e in corpus.entities if e.type == "person")


def test_one_letter_off_with_the_same_role_is_one_person(analyse_texts):
    corpus = analyse_texts({
        "a.txt": "Jakarta - Menteri Perindustrian Budi Kartawijaya meninjau balai pelatihan, Senin (3/6/2024).\n",
        "b.txt": "Bandung - Menteri Perindustrian Budi Kartawijayaa membuka pameran, Selasa (4/6/2024).\n",
    })
    assert people(corpus) == ["Budi Kartawijaya"]
    person = next(e for e in corpus.entities if e.type == "person")
    assert "Budi Kartawijayaa" in person.aliases
    assert len(person.articles) == 2


def test_one_letter_off_with_other_roles_stays_two_people(analyse_texts):
    corpus = analyse_texts({
        "a.txt": "Jakarta - Kepala Dinas Tenaga Kerja Rudi Hartanto membuka seleksi, Senin (3/6/2024).\n",
        "b.txt": "Tokyo - Duta Besar Rudi Hartanta menerima delegasi, Selasa (4/6/2024).\n",
    })
    assert people(corpus) == ["Rudi Hartanta", "Rudi Hartanto"]
