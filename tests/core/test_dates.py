"""Dates in Indonesian and English; missing years inferred and checked against the weekday."""
import datetime as dt

from kemnaker_tui.analysis.dates import find_dates, infer_year


def one(text, reference=None):
    refs = find_dates(text, reference)
    assert len(refs) == 1, refs
    return refs[0]


def test_weekday_numeric_with_year():
    r = one("rapat digelar pada Jumat (24/1/2025) di Jakarta")
    assert r.date == dt.date(2025, 1, 24) and not r.year_inferred and r.text == "Jumat (24/1/2025)"


def test_missing_year_from_publication_date():
    r = one("kata dia, Rabu (29/11).", reference=dt.date(2023, 11, 29))
    assert r.date == dt.date(2023, 11, 29) and r.year_inferred


def test_missing_year_checked_against_weekday_without_reference():
    # 7 September is a Saturday in 2024, not in 2023 (the latest year in the text).
    refs = find_dates("Hingga Desember 2023, tercatat. Pada Sabtu (7/9) ia berkata.")
    day = [r for r in refs if r.precision == "day"][0]
    assert day.date == dt.date(2024, 9, 7) and day.year_inferred


def test_month_names_indonesian_and_english():
    assert one("Rabu, 29 November 2023 – 09:40 WIB").date == dt.date(2023, 11, 29)
    assert one("pada 3 Agustus 2024 lalu").date == dt.date(2024, 8, 3)
    assert one("on Monday, April 22, 2024 in Tokyo").date == dt.date(2024, 4, 22)
    assert one("sejak 2 Jan 2022").date == dt.date(2022, 1, 2)
    r = one("Hingga Desember 2023")
    assert r.precision == "month" and r.date == dt.date(2023, 12, 1)


def test_past_preferred_when_publication_known():
    # Published 5 January 2024: "20 Desember" is last December, not next.
    r = one("pertemuan pada 20 Desember lalu", reference=dt.date(2024, 1, 5))
    assert r.date == dt.date(2023, 12, 20)


def test_not_dates():
    assert find_dates("Summit 2024 dalam 5 tahun ke depan dengan 52.440 peserta") == []


def test_infer_year_weekday_typo_keeps_first_guess():
    assert infer_year(2, 30, None, None, []) is None
    assert infer_year(6, 3, 0, dt.date(2024, 6, 10), []) == 2024


def test_bare_weekday_resolved_against_publication_date():
    # Published Thursday 13 June 2024: "Selasa" is the Tuesday before.
    r = one("Balai itu diresmikan pada Selasa lalu.", reference=dt.date(2024, 6, 13))
    assert r.date == dt.date(2024, 6, 11) and r.year_inferred and r.text == "Selasa"
    # Pointing forward: the next Friday (or the day itself).
    r = one("The delegation will fly to Osaka on Friday.", reference=dt.date(2024, 6, 13), )
    assert r.date == dt.date(2024, 6, 14)
    assert one("on Thursday, officials said", reference=dt.date(2024, 6, 13)).date == dt.date(2024, 6, 13)


def test_bare_weekday_without_reference_has_no_date_and_week_is_not_sunday():
    assert one("kata dia, Kamis.").date is None
    assert find_dates("Minggu lalu ia berangkat ke Osaka.", reference=dt.date(2024, 6, 13)) == []
    assert find_dates("minggu ini peserta berlatih", reference=dt.date(2024, 6, 13)) == []


def test_slashed_date_read_by_weekday_then_other_dates_then_language():
    # 03/09/2019: 3 September is a Tuesday, 9 March a Saturday.
    assert one("Tue, 03/09/2019 - 10:00").date == dt.date(2019, 9, 3)
    assert one("Sab, 03/09/2019").date == dt.date(2019, 3, 9)
    assert find_dates("02/04/2021 · Pameran dibuka.")[0].date == dt.date(2021, 4, 2)       # Indonesian: day first
    # The nearest of the text's other dates decides over the language.
    assert find_dates("02/04/2021 · Pameran dibuka pada 1 Februari 2021.")[0].date == dt.date(2021, 2, 4)
    assert find_dates("02/04/2021 · The fair opened on March 30, 2021.", language="en")[0].date == dt.date(2021, 4, 2)
    assert find_dates("02/04/2021", language="en")[0].date == dt.date(2021, 2, 4)
    assert find_dates("02/04/2021", language="en", firm_dates=[dt.date(2021, 4, 3)])[0].date == dt.date(2021, 4, 2)


def test_day_comma_month_year():
    assert one("14, Aug. 2020").date == dt.date(2020, 8, 14)


def test_without_a_reference_goal_years_are_no_present_and_the_weekday_moves_the_year_by_one_at_most():
    # 2030 is a goal; 2021 is the present: 14 March 2021 was a Sunday.
    refs = find_dates("Pada tahun 2021 tercatat 500 peserta, menuju target 2030. Minggu (14/3) ia berkata.")
    day = [r for r in refs if r.precision == "day"][0]
    assert day.date == dt.date(2021, 3, 14) and day.year_inferred
    # No year within one of 2021 makes 19 January a Thursday: keep 2021 (the weekday is a typo).
    refs = find_dates("Pada tahun 2021 tercatat 500 peserta. Kamis (19/1) ia berkata.")
    assert [r for r in refs if r.precision == "day"][0].date == dt.date(2021, 1, 19)


def test_yesterday_and_abbreviated_months():
    r = one("Menteri bertemu Dubes Jepang kemarin di Jakarta.", reference=dt.date(2024, 6, 13))
    assert r.date == dt.date(2024, 6, 12) and r.year_inferred
    assert find_dates("tahun kemarin ada 300 peserta", reference=dt.date(2024, 6, 13)) == []
    assert find_dates("kemarin", reference=None) == []
    assert one("during a visit on Monday (Nov 6), she said", reference=dt.date(2023, 11, 8)).date == dt.date(2023, 11, 6)
