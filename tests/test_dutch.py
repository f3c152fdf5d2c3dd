"""Dutch calendar words: one formatter and one reader for the whole site."""

import datetime as dt

from onderwijsgids.dutch import day_month, day_month_range, dutch_date, in_year


def test_dates_are_written_the_dutch_way():
    assert dutch_date(dt.date(2026, 11, 29)) == "29 november 2026"
    assert dutch_date(dt.date(2025, 3, 1)) == "1 maart 2025"


def test_day_and_month_in_words():
    assert day_month("1 augustus") == (8, 1)
    assert day_month("Het studiejaar begint op 1 Augustus") == (8, 1)
    assert day_month("1 agustus") is None
    assert day_month("geen datum") is None


def test_a_range_of_days_in_words():
    assert day_month_range("2 juni – 16 september") == ((6, 2), (9, 16))
    assert day_month_range("2 juni - 16 september, 17:00") == ((6, 2), (9, 16))
    assert day_month_range("2 juni") is None
    assert day_month_range("2 juni – 16 septembre") is None


def test_in_year_refuses_impossible_dates():
    assert in_year((9, 16), 2026) == dt.date(2026, 9, 16)
    assert in_year((6, 31), 2026) is None
    assert in_year((2, 29), 2025) is None
