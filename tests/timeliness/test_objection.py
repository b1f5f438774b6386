"""Tests for archive.timeliness.objection."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.timeliness.calendar import WorkingDayCalendar
from archive.timeliness.objection import OBJECTION_KEYS, parse_objection

D = dt.date
CAL = "chinese_calendar 1.11.0"


def test_liaoning_seed_003_exact_extract_object(seeds: dict[str, str], cal: WorkingDayCalendar) -> None:
    obj = parse_objection(seeds["003"], publish_date=D(2024, 7, 3), calendar=cal)
    assert obj.to_json() == {"start": "2024-07-03", "end": "2024-07-16", "working_days": 10,
                             "deadline": "2024-07-16", "deadline_excluding_first_day": "2024-07-17",
                             "calendar": CAL}
    assert (obj.status, obj.start_basis, obj.stated_length, obj.stated_unit) == ("ok", "publish_date", 10, "workday")


@pytest.mark.parametrize(
    "text,publish,expected,counted_excl",
    [
        ("公示时间：2025年1月21日至2月8日。如有异议，请在公示期内反映。", D(2025, 1, 21),
         {"start": "2025-01-21", "end": "2025-02-08", "working_days": 10, "deadline": "2025-02-08",
          "deadline_excluding_first_day": "2025-02-10", "calendar": CAL}, 9),
        ("公示期：2025年6月9日至2025年6月20日。", None,
         {"start": "2025-06-09", "end": "2025-06-20", "working_days": 10, "deadline": "2025-06-20",
          "deadline_excluding_first_day": "2025-06-23", "calendar": CAL}, 9),
    ],
)
def test_stated_date_windows(text: str, publish: D | None, expected: dict, counted_excl: int,
                             cal: WorkingDayCalendar) -> None:
    obj = parse_objection(text, publish_date=publish, calendar=cal)
    assert obj.to_json() == expected
    assert (obj.counted_working_days, obj.counted_working_days_excluding_first) == (10, counted_excl)
    assert obj.start_basis == "stated"


@pytest.mark.parametrize(
    "text,publish,meets",
    [
        ("公示期为10个工作日（2025年1月21日至2月8日）", None, True),
        ("公示期为10个工作日（2025年1月21日至2月6日）", None, False),  # shorter than it says
        ("自公示之日起10个工作日内提出异议", D(2024, 7, 3), None),  # nothing to compare
    ],
)
def test_window_meets_its_own_stated_length(text: str, publish: D | None, meets: bool | None,
                                            cal: WorkingDayCalendar) -> None:
    obj = parse_objection(text, publish_date=publish, calendar=cal)
    assert obj.meets_stated_length is meets
    assert obj.working_days == 10


@pytest.mark.parametrize(
    "text,publish,expected",
    [
        ("自发布之日起10个工作日内，有异议的请联系。", D(2027, 3, 1),
         {"start": "2027-03-01", "end": None, "working_days": 10, "deadline": None,
          "deadline_excluding_first_day": None, "calendar": CAL}),
        ("公示期为2027年3月1日至2027年3月12日。", None,
         {"start": "2027-03-01", "end": "2027-03-12", "working_days": None, "deadline": None,
          "deadline_excluding_first_day": None, "calendar": CAL}),
        ("自发布之日起10个工作日内有异议请反映", D(2026, 12, 28),  # window runs into 2027
         {"start": "2026-12-28", "end": None, "working_days": 10, "deadline": None,
          "deadline_excluding_first_day": None, "calendar": CAL}),
    ],
)
def test_unannounced_calendar_gives_null_figures_and_explicit_state(text: str, publish: D | None, expected: dict,
                                                                    cal: WorkingDayCalendar) -> None:
    obj = parse_objection(text, publish_date=publish, calendar=cal)
    assert obj.to_json() == expected
    assert obj.status == "not_announced:2027"


@pytest.mark.parametrize(
    "text,publish,expected_status,working_days,end",
    [
        ("公示期为五个工作日，如有异议请反映。", D(2024, 7, 3), "ok", 5, D(2024, 7, 9)),
        ("公示期为5个工作日", None, "incomplete", 5, None),
        ("自公示之日起7日内有异议请反映", D(2024, 7, 3), "ok", None, D(2024, 7, 9)),  # calendar days
        ("2024年07月03日 关于印发方案的通知", D(2024, 7, 3), "no_window", None, None),
        ("", D(2024, 7, 3), "no_window", None, None),
    ],
)
def test_other_window_forms(text: str, publish: D | None, expected_status: str, working_days: int | None,
                            end: D | None, cal: WorkingDayCalendar) -> None:
    obj = parse_objection(text, publish_date=publish, calendar=cal)
    assert (obj.status, obj.working_days, obj.end) == (expected_status, working_days, end)
    assert tuple(obj.to_json()) == OBJECTION_KEYS


def test_date_ranges_not_labelled_as_a_window_are_ignored(seeds: dict[str, str], cal: WorkingDayCalendar) -> None:
    # seed 002: "2023年6月12日至7月1日" is the inspection stay, not a 公示 period
    assert not parse_objection(seeds["002"], publish_date=D(2023, 12, 1), calendar=cal).found
