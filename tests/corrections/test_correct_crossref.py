"""One event told by several articles, one claim made in several: grouped, with their sources."""
from __future__ import annotations

import datetime as dt

from kemnaker_tui.analysis.crossref import group_figures, group_meetings
from kemnaker_tui.model import Figure, Meeting, Span

D = dt.date(2024, 3, 5)


def meeting(mid, article, date=D, ids=(), place=None, names=()):
    return Meeting(mid, article, "meeting", date, None, False, place, tuple(names), tuple(ids), (), "", 0, 10)


def figure(fid, article, value=100.0, unit="orang", claimant="person:a"):
    return Figure(fid, article, value, unit, "100 orang", 0, 9, Span(0, 20), claimed_by="A", claimed_by_id=claimant)


def test_same_date_and_a_shared_participant_or_place_is_one_event():
    groups = group_meetings([meeting("m1", "a", ids=("p:x", "p:y")), meeting("m2", "b", ids=("p:y",)),
                             meeting("m3", "c", place="Tokyo"), meeting("m4", "d", place="tokyo"),
                             meeting("m5", "e", ids=("p:x",), date=dt.date(2024, 3, 6)),
                             meeting("m6", "a", ids=("p:x",))])
    assert [g.ids for g in groups] == [("m1", "m2"), ("m3", "m4"), ("m5",), ("m6",)]
    assert groups[0].sources == 2


def test_undated_meetings_stay_apart_unless_the_user_joins_them():
    a, b = meeting("m1", "a", date=None, ids=("p:x",)), meeting("m2", "b", date=None, ids=("p:x",))
    assert len(group_meetings([a, b])) == 2
    assert [g.ids for g in group_meetings([a, b], links=[("m2", "m1")])] == [("m1", "m2")]


def test_the_earliest_source_comes_first():
    published = {"a": dt.date(2024, 3, 9), "b": dt.date(2024, 3, 6)}
    groups = group_meetings([meeting("m1", "a", ids=("p:x",)), meeting("m2", "b", ids=("p:x",))], published=published)
    assert groups[0].first.id == "m2"


def test_the_same_figure_claimed_by_the_same_person_in_two_articles():
    groups = group_figures([figure("f1", "a"), figure("f2", "b"), figure("f3", "c", claimant="person:z"),
                            figure("f4", "d", unit="peserta"), figure("f5", "e", claimant=None)])
    assert [g.ids for g in groups] == [("f1", "f2"), ("f3",), ("f4",), ("f5",)]


def test_cli_lists_a_claim_told_twice_once(cli, folder, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    code, out, _ = cli("figures", folder, "--corrections", tmp_path / "c.toml")
    assert code == 0 and "2 sources" in out and "2 figures, 1 claim" in out


def test_grouping_by_shared_keys_equals_grouping_by_pairs():
    """group_meetings buckets a day's meetings by what they may share; the groups are
    those the pairwise rule (_same_event) makes, on random busy days."""
    import datetime as dt
    import random

    from kemnaker_tui.analysis import crossref
    from kemnaker_tui.model import Meeting

    def by_pairs(meetings):
        union = crossref._Union(m.id for m in meetings)
        for i, a in enumerate(meetings):
            for b in meetings[i + 1:]:
                if crossref._same_event(a, b):
                    union.join(a.id, b.id)
        return crossref._groups(meetings, union, {})

    rng = random.Random(3)
    people = [f"person:p{i}" for i in range(6)]
    for _ in range(200):
        meetings = []
        for n in range(rng.randint(2, 14)):
            ids = tuple(rng.sample(people, rng.randint(0, 2)))
            names = tuple(i.split(":")[1].upper() if rng.random() < .5 else i.split(":")[1] for i in ids)
            meetings.append(Meeting(
                id=f"m{n}", article=f"a{rng.randint(0, 4)}", kind="meeting",
                date=rng.choice([dt.date(2024, 5, 1), dt.date(2024, 5, 2), None]), date_text=None,
                year_inferred=False, place=rng.choice([None, "Osaka", "osaka", "Bekasi"]), participants=names,
                participant_ids=ids, organisations=tuple(rng.sample(["JICA", "jica", "Kemnaker"], rng.randint(0, 1))),
                summary="", start=n, end=n + 1))
        assert crossref.group_meetings(meetings) == by_pairs(meetings)
