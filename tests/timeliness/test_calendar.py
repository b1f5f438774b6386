"""Tests for archive.timeliness.calendar."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.timeliness.calendar import CalendarNotAnnounced, WorkingDayCalendar, calendar_version

D = dt.date


def test_version_is_read_from_the_installed_package(cal: WorkingDayCalendar) -> None:
    assert cal.version == calendar_version() == "chinese_calendar 1.11.0"


@pytest.mark.parametrize(
    "day,workday",
    [
        (D(2025, 1, 26), True),   # Sunday, 调休 workday before the Spring Festival
        (D(2025, 2, 8), True),    # Saturday, 调休 workday after it
        (D(2025, 1, 28), False),  # 除夕 holiday, a Tuesday
        (D(2024, 7, 3), True),
        (D(2024, 7, 6), False),   # ordinary Saturday
        (D(2024, 10, 1), False),  # 国庆
        (D(2026, 12, 31), True),  # last covered year
    ],
)
def test_is_workday_follows_the_official_calendar(cal: WorkingDayCalendar, day: D, workday: bool) -> None:
    assert cal.is_workday(day) is workday


@pytest.mark.parametrize("day", [D(2027, 1, 4), D(2003, 12, 31)])
def test_unannounced_year_is_explicit(cal: WorkingDayCalendar, day: D) -> None:
    with pytest.raises(CalendarNotAnnounced) as info:
        cal.is_workday(day)
    assert info.value.year == day.year
    assert info.value.status == f"not_announced:{day.year}"
    assert not cal.covers(day.year)
    assert cal.covers(2026)


@pytest.mark.parametrize(
    "start,end,with_first,without_first",
    [
        (D(2024, 7, 3), D(2024, 7, 16), 10, 9),    # 辽宁
        (D(2025, 1, 21), D(2025, 2, 8), 10, 9),    # 天津东丽 with 调休 weekend days (Mon–Fri count gives 14)
        (D(2025, 6, 9), D(2025, 6, 20), 10, 9),    # 四川
        (D(2024, 7, 6), D(2024, 7, 7), 0, 0),      # a weekend
        (D(2024, 7, 16), D(2024, 7, 3), 0, 0),     # end before start
    ],
)
def test_count_workdays_both_conventions(cal: WorkingDayCalendar, start: D, end: D, with_first: int,
                                         without_first: int) -> None:
    assert cal.count_workdays(start, end) == with_first
    assert cal.count_workdays(start, end, include_first=False) == without_first


def test_tianjin_window_is_fourteen_on_a_naive_weekday_count() -> None:
    naive = sum(1 for i in range(19) if (D(2025, 1, 21) + dt.timedelta(days=i)).weekday() < 5)
    assert naive == 14


@pytest.mark.parametrize(
    "start,n,with_first,without_first",
    [
        (D(2024, 7, 3), 10, D(2024, 7, 16), D(2024, 7, 17)),
        (D(2025, 1, 21), 10, D(2025, 2, 8), D(2025, 2, 10)),
        (D(2025, 6, 9), 10, D(2025, 6, 20), D(2025, 6, 23)),
        (D(2024, 7, 6), 1, D(2024, 7, 8), D(2024, 7, 8)),    # published on a Saturday
        (D(2024, 9, 30), 5, D(2024, 10, 11), D(2024, 10, 12)),  # across 国庆; 10-12 is a 调休 Saturday
    ],
)
def test_add_workdays_both_conventions(cal: WorkingDayCalendar, start: D, n: int, with_first: D,
                                       without_first: D) -> None:
    assert cal.add_workdays(start, n) == with_first
    assert cal.add_workdays(start, n, include_first=False) == without_first


def test_add_workdays_into_an_unannounced_year_raises(cal: WorkingDayCalendar) -> None:
    assert cal.add_workdays(D(2026, 12, 1), 0) is None
    with pytest.raises(CalendarNotAnnounced) as info:
        cal.add_workdays(D(2026, 12, 28), 10)
    assert info.value.year == 2027
