"""The alias file's three failures (issue 13), read as corrections now:
an alias added for a person keeps what the analysis learned; re-declaring a
known organisation does not make a twin; a split reaches surname-only mentions."""
from __future__ import annotations


def _write(tmp_path, text):
    path = tmp_path / "aliases.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_alias_for_a_person_keeps_learned_aliases_mentions_and_quotes(load, tmp_path, entity):
    before = load().corpus
    aliases = _write(tmp_path, '[[entity]]\nname = "Ida Fauziyah"\ntype = "person"\naliases = ["Menaker Ida"]\n')
    after = load(alias_file=aliases).corpus
    ida_before, ida_after = entity(before, "Ida Fauziyah"), entity(after, "Ida Fauziyah")
    assert len(ida_after.mentions) >= len(ida_before.mentions) >= 8
    assert set(ida_before.aliases) <= set(ida_after.aliases) and "Menaker Ida" in ida_after.aliases
    speakers = lambda c: sorted((q.text, q.speaker) for q in c.quotes)     # noqa: E731
    assert speakers(after) == speakers(before)
    assert sum(q.speaker == "Ida Fauziyah" for q in after.quotes) == 4       # not given to the other minister
    assert "aliases file" in ida_after.why


def test_redeclaring_a_known_organisation_does_not_duplicate_it(load, tmp_path):
    aliases = _write(tmp_path, '[[entity]]\nname = "JICA"\ntype = "organisation"\n'
                               'aliases = ["Japan International Cooperation Agency"]\n')
    corpus = load(alias_file=aliases).corpus
    jica = [e for e in corpus.entities if "JICA" in e.all_names or "Japan International Cooperation Agency"
            in e.all_names]
    assert len(jica) == 1
    assert jica[0].name == "JICA" and len(jica[0].mentions) >= 2
    before = load().corpus
    known = [e for e in before.entities if e.name == "Japan International Cooperation Agency"][0]
    assert set(known.aliases) <= set(jica[0].aliases) | {"JICA"}       # what the analysis knew stays


def test_a_split_of_a_full_name_reaches_the_surname_only_mentions(write_corpus, load, tmp_path, texts, b1,
                                                                 entity, quote):
    folder = write_corpus({**texts, "b1.txt": b1}, folder="with-b1")
    aliases = _write(tmp_path, '[[split]]\nform = "Anwar Usman"\nname = "Anwar Usman"\ntype = "person"\n')
    corpus = load(alias_file=aliases, path=folder).corpus
    usman = entity(corpus, "Anwar Usman")
    in_b1 = [m.text for m in usman.mentions if m.article == "b1.txt"]
    assert "Anwar" in in_b1                                             # the surname-only mention came along
    assert not [e for e in corpus.entities if e.type == "person" and e.name != "Anwar Usman"
                and "b1.txt" in e.articles]                             # no stray "Anwar" left in b1
    assert len([e for e in corpus.entities if e.name == "Anwar Usman"]) == 1
    assert quote(corpus, "harus siap bersaing").speaker == "Anwar Usman"   # …and the quote said through one
    sanusi = entity(corpus, "Anwar Sanusi")                                # the other Anwar keeps his own
    assert {m.article for m in sanusi.mentions} == {"a2.txt"} and "Anwar" in {m.text for m in sanusi.mentions}
