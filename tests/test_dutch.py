"""Dutch calendar words and amounts: one formatter and one reader for the whole site."""

import datetime as dt
from decimal import Decimal

import pytest

from onderwijsgids.dutch import (day_month, day_month_range, dutch_date, format_eur, in_year,
                                 parse_amount)


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


# --- amounts ---------------------------------------------------------------------------------

def test_one_euro_format_for_the_whole_site():
    assert format_eur(2700) == "€ 2.700"
    assert format_eur(Decimal("725.50")) == "€ 725,50"
    assert format_eur(Decimal("1800.00")) == "€ 1.800"
    assert format_eur(1234567.891) == "€ 1.234.567,89"
    assert format_eur(0) == "€ 0"


@pytest.mark.parametrize("typed, amount", [
    ("725,50", "725.50"), ("2.700", "2700"), ("€ 2.700,50", "2700.50"), ("725.50", "725.50"),
    ("12,5", "12.5"), ("€725,-", "725"), ("1.234.567", "1234567"), (" 99 ", "99")])
def test_amounts_are_read_with_dutch_rules(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["72.5.0", "abc", "1,234", "7,255", "", "-5", "1.23.456",
                                   "7,25,50"])
def test_ambiguous_or_broken_amounts_are_refused(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)
