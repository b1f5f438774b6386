"""The Spring Festival days behind holiday deadlines (国庆节前, 2021年春节前) agree with the State Council's calendar."""
from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from archive.timeliness.holidays import holiday_day


def _official(year: int) -> bool:
    """Whether the installed calendar holds the State Council's holidays of ``year``."""
    try:
        chinese_calendar.get_holiday_detail(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


#: the table's years the official calendar covers (2005 on, as far as the pinned chinese_calendar goes)
_COVERED = [year for year in range(2005, 2036) if holiday_day("春节", year) and _official(year)]


def test_the_official_calendar_covers_most_of_the_table() -> None:
    assert len(_COVERED) >= 20, _COVERED


@pytest.mark.parametrize("year", _COVERED)
def test_spring_festival_day_is_the_official_holiday(year: int) -> None:
    day = holiday_day("春节", year)
    assert day is not None
    _on, name = chinese_calendar.get_holiday_detail(day)
    assert name == chinese_calendar.Holiday.spring_festival.value, (year, day)


def test_a_year_outside_the_table_has_no_day_rather_than_a_guess() -> None:
    assert holiday_day("春节", 1999) is None
    assert holiday_day("端午", 2024) is None
    assert holiday_day("国庆", 2024) == dt.date(2024, 10, 1)
