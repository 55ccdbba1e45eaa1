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
