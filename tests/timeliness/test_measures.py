"""Tests for archive.timeliness.measures (pure, no database)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from archive.timeliness.calendar import WorkingDayCalendar
from archive.timeliness.measures import local_date, posting_measures
from archive.timeliness.schema import TIMELINESS_COLUMNS

LN_URL = "https://sthj.ln.gov.cn/sthj/index/tzgg/202407/t20240703_4532100.shtml"
NO_URL_DATE: dict = {"url": "https://x.gov.cn/a.html", "url_date": None}  # a URL without a date
GONGSHI = "现予公示。自发布之日起10个工作日内，任何单位、个人有异议，请与省督改办联系。"


def doc(**kw: object) -> dict:
    """A documents row with the Liaoning 公示's dates, overridable."""
    row = {"id": 1, "site_id": "ln-sthj", "url": LN_URL, "doc_type": "acceptance_notice",
           "publish_date": "2024-07-03", "publish_date_source": "cms", "cms_date": "2024-07-03",
           "list_date": "2024-07-03", "stated_date": "2024-07-03", "url_date": "2024-07-03",
           "status": "live", "first_seen_at": "2024-07-03T09:00:00+08:00",
           "last_seen_at": "2024-07-20T09:00:00+08:00", "removed_at": None}
    row.update(kw)
    return row


def version(body: str = GONGSHI, **kw: object) -> dict:
    """A versions row."""
    row = {"id": 1, "captured_at": "2024-07-03T09:00:00+08:00", "publish_date": "2024-07-03",
           "cms_date": "2024-07-03", "list_date": "2024-07-03", "stated_date": "2024-07-03", "body_text": body}
    row.update(kw)
    return row


def test_liaoning_seed_003_measures(seeds: dict[str, str], cal: WorkingDayCalendar) -> None:
    row = posting_measures(doc(), [version(seeds["003"])], [], calendar=cal,
                           now=dt.datetime(2024, 7, 20, 9, tzinfo=dt.UTC))
    assert tuple(row) == TIMELINESS_COLUMNS
    assert (row["posting_lag_days"], row["backdated"], json.loads(row["backdated_reasons"])) == (0, 0, [])
    assert (row["objection_start"], row["objection_end"], row["objection_working_days"]) == (
        "2024-07-03", "2024-07-16", 10)
    assert (row["objection_deadline"], row["objection_deadline_excluding_first_day"]) == ("2024-07-16", "2024-07-17")
    assert (row["acceptance_date"], row["acceptance_lag_days"]) == ("2023-01-17", 533)
    assert (row["early_removal"], row["observed_basis"], row["observed_window_days"]) == (0, "last_seen", 17)
    assert (row["calendar_version"], row["calendar_status"]) == ("chinese_calendar 1.11.0", "ok")
    assert json.loads(row["objection_contact"])["phone"] == "024-62788397"


@pytest.mark.parametrize(
    "overrides,versions,baseline,previous_visit,expected_kinds",
    [
        ({}, None, False, None, []),
        ({"cms_date": "2024-06-30", "publish_date": "2024-06-30"}, None, False, None, []),  # 3 days: tolerated
        ({"cms_date": "2024-06-29", "publish_date": "2024-06-29"}, None, False, None,
         ["earlier_than_first_seen", "earlier_than_url_date"]),
        ({"stated_date": "2024-06-20"}, None, False, None, []),  # a signature date before posting is a lag
        ({"stated_date": "2024-06-20", "cms_date": None, "list_date": None}, None, False, None,
         ["earlier_than_first_seen", "earlier_than_url_date"]),  # ... unless it is the only date claimed
        ({"list_date": "2024-06-01"}, [version()], True, None, ["date_moved_earlier", "earlier_than_url_date"]),
        ({"cms_date": "2023-05-01", **NO_URL_DATE}, None, True, None, []),  # online at baseline
        # the site was not visited successfully between 06-20 and 07-03: a 06-25 posting is not backdated
        ({"cms_date": "2024-06-25", **NO_URL_DATE}, None, False, dt.date(2024, 6, 20), []),
        ({"cms_date": "2024-06-25", **NO_URL_DATE}, None, False, dt.date(2024, 7, 2),
         ["earlier_than_first_seen"]),
        ({}, [version(), version(id=2, cms_date="2024-06-01", captured_at="2024-07-05T09:00:00+08:00")], True, None,
         ["date_moved_earlier"]),
        ({"cms_date": "2024-07-04"}, [version(), version(id=2, cms_date="2024-07-04")], False, None, []),  # moved later: changed, not backdated
    ],
)
def test_backdating_flags(overrides: dict, versions: list | None, baseline: bool, previous_visit: dt.date | None,
                          expected_kinds: list[str], cal: WorkingDayCalendar) -> None:
    same = {k: v for k, v in overrides.items() if k in ("publish_date", "cms_date", "list_date", "stated_date")}
    row = posting_measures(doc(**overrides), versions or [version(**same)], [], baseline=baseline,
                           previous_visit=previous_visit, calendar=cal)
    kinds = sorted({r["kind"] for r in json.loads(row["backdated_reasons"])})
    assert kinds == sorted(expected_kinds)
    assert row["backdated"] == int(bool(expected_kinds))


def test_tolerance_is_configurable(cal: WorkingDayCalendar) -> None:
    dates = {"cms_date": "2024-06-30", "list_date": "2024-06-30", "publish_date": "2024-06-30"}
    row = posting_measures(doc(**dates, **NO_URL_DATE), [version(**dates)], [], tolerance_days=1, calendar=cal)
    assert row["backdated"] == 1 and row["tolerance_days"] == 1


@pytest.mark.parametrize(
    "removed_at,early,early_civil",
    [
        ("2024-07-10T09:00:00+08:00", 1, 1),
        ("2024-07-16T09:00:00+08:00", 1, 1),   # gone on its own last day
        ("2024-07-17T09:00:00+08:00", 0, 1),   # gone on the civil-law last day
        ("2024-07-18T09:00:00+08:00", 0, 0),
        ("2024-07-16T17:00:00+00:00", 0, 1),   # UTC timestamp: 07-17 01:00 in Shanghai
        (None, 0, 0),
    ],
)
def test_early_removal(removed_at: str | None, early: int, early_civil: int, cal: WorkingDayCalendar) -> None:
    row = posting_measures(doc(removed_at=removed_at, status="removed" if removed_at else "live"), [version()], [],
                           calendar=cal)
    assert (row["early_removal"], row["early_removal_excluding_first_day"]) == (early, early_civil)
    if removed_at:
        assert row["observed_basis"] == "removed"


def test_removal_from_events_when_removed_at_is_missing(cal: WorkingDayCalendar) -> None:
    events = [{"kind": "new", "at": "2024-07-03T09:00:00+08:00"}, {"kind": "removed", "at": "2024-07-08T09:00:00+08:00"}]
    row = posting_measures(doc(), [version()], events, calendar=cal)
    assert (row["early_removal"], row["observed_to"], row["observed_window_days"]) == (1, "2024-07-08", 5)


def test_a_removal_restored_later_is_still_an_early_removal(cal: WorkingDayCalendar) -> None:
    events = [{"kind": "removed", "at": "2024-07-08T09:00:00+08:00"}, {"kind": "restored", "at": "2024-07-09T09:00:00+08:00"}]
    row = posting_measures(doc(), [version()], events, calendar=cal)
    assert (row["early_removal"], row["first_removed_date"], row["observed_basis"]) == (1, "2024-07-08", "last_seen")


def test_window_shorter_than_stated(cal: WorkingDayCalendar) -> None:
    body = "公示期为10个工作日（2025年1月21日至2月6日），如有异议请反映。"
    row = posting_measures(doc(publish_date="2025-01-21", cms_date="2025-01-21", stated_date="2025-01-21",
                               **NO_URL_DATE, first_seen_at="2025-01-21T10:00:00+08:00",
                               last_seen_at="2025-02-20T10:00:00+08:00"), [version(body)], [], calendar=cal)
    assert (row["objection_meets_stated"], row["objection_workdays_counted"], row["objection_end"]) == (
        0, 8, "2025-02-06")


def test_2027_calendar_not_announced_gives_null_figures(cal: WorkingDayCalendar) -> None:
    row = posting_measures(doc(publish_date="2027-03-01", cms_date="2027-03-01", stated_date="2027-03-01",
                               **NO_URL_DATE, first_seen_at="2027-03-01T10:00:00+08:00",
                               last_seen_at="2027-03-05T10:00:00+08:00", removed_at="2027-03-05T10:00:00+08:00"),
                           [version()], [], calendar=cal)
    assert row["calendar_status"] == row["objection_status"] == "not_announced:2027"
    assert (row["objection_working_days"], row["objection_end"], row["objection_deadline"]) == (10, None, None)
    assert (row["observed_workdays"], row["early_removal"]) == (None, None)  # never a Mon–Fri guess
    assert row["posting_lag_days"] == 0  # calendar days need no calendar


def test_feedback_lag_for_a_rectification_plan(cal: WorkingDayCalendar) -> None:
    body = "2021年12月10日，中央第三生态环境保护督察组向我省反馈督察意见。督察反馈的68个问题，2022年底前完成整改30个。"
    row = posting_measures(doc(doc_type="rectification_plan", publish_date="2022-07-01", cms_date="2022-07-01",
                               stated_date="2022-07-01", **NO_URL_DATE,
                               first_seen_at="2022-07-01T10:00:00+08:00"), [version(body)], [], calendar=cal)
    assert (row["feedback_date"], row["feedback_lag_days"], row["problem_count"]) == ("2021-12-10", 203, 68)
    assert row["feedback_lag_workdays"] == cal.count_workdays(dt.date(2021, 12, 10), dt.date(2022, 7, 1),
                                                              include_first=False)
    assert row["feedback_submission_mark"] == cal.add_workdays(dt.date(2021, 12, 10), 30,
                                                               include_first=False).isoformat()
    assert row["feedback_disclosure_mark"] > row["feedback_submission_mark"]
    assert json.loads(row["deadline_schedule"])[0]["count"] == 30


def test_redacted_feedback_date_gives_no_lag(seeds: dict[str, str], cal: WorkingDayCalendar) -> None:
    row = posting_measures(doc(doc_type="rectification_plan", **NO_URL_DATE), [version(seeds["002"])],
                           [], calendar=cal)
    assert (row["feedback_date"], row["feedback_date_redacted"], row["feedback_lag_days"]) == (None, 1, None)
    assert row["problem_count"] == 68


@pytest.mark.parametrize(
    "stamp,expected",
    [("2024-07-02T17:30:00+00:00", dt.date(2024, 7, 3)), ("2024-07-03T08:00:00+08:00", dt.date(2024, 7, 3)),
     ("2024-07-03T23:59:00", dt.date(2024, 7, 3)), ("2024-07-03", dt.date(2024, 7, 3)), (None, None)],
)
def test_local_date_is_shanghai(stamp: str | None, expected: dt.date | None) -> None:
    assert local_date(stamp) == expected


@pytest.mark.parametrize("doc_type,types,early", [("acceptance_notice", None, 1), ("eia_notice", None, None),
                                                  ("eia_notice", {"acceptance_notice", "eia_notice"}, 1)])
def test_early_removal_only_for_objection_doc_types(doc_type: str, types: set | None, early: int | None,
                                                    cal: WorkingDayCalendar) -> None:
    kw = {"objection_doc_types": types} if types else {}
    row = posting_measures(doc(doc_type=doc_type, removed_at="2024-07-05T09:00:00+08:00"), [version()], [],
                           calendar=cal, **kw)
    assert row["early_removal"] == early
    assert row["objection_end"] == "2024-07-16"  # the window is computed for every doc type


def test_backdated_window_counts_from_the_original_date(cal: WorkingDayCalendar) -> None:
    """Dates moved from 07-03 to 06-20 in a later version: the 10 working days still count from 07-03."""
    moved = {"publish_date": "2024-06-20", "cms_date": "2024-06-20", "list_date": "2024-06-20"}
    later = version(id=2, captured_at="2024-07-05T09:00:00+08:00", **moved)
    row = posting_measures(doc(url="https://x.gov.cn/a.html", url_date=None, **moved), [version(), later], [],
                           calendar=cal)
    assert row["backdated"] == 1 and row["publish_date"] == "2024-06-20"
    assert (row["objection_start"], row["objection_end"]) == ("2024-07-03", "2024-07-16")


def test_posting_that_arrived_backdated_counts_from_when_it_could_first_be_seen(cal: WorkingDayCalendar) -> None:
    dated = {"publish_date": "2024-06-20", "cms_date": "2024-06-20", "list_date": "2024-06-20"}
    row = posting_measures(doc(url="https://x.gov.cn/a.html", url_date=None, **dated), [version(**dated)], [],
                           calendar=cal, previous_visit=dt.date(2024, 7, 2))
    assert {r["kind"] for r in json.loads(row["backdated_reasons"])} == {"earlier_than_first_seen"}
    assert row["objection_start"] == "2024-07-03"  # first seen 07-03, the site visited without it on 07-02


def test_implausible_dates_are_kept_flagged_and_not_taken_for_backdating(cal: WorkingDayCalendar) -> None:
    row = posting_measures(doc(publish_date="2099-01-01", cms_date="2099-01-01", list_date="1900-01-01",
                               stated_date=None, **NO_URL_DATE),
                           [version(publish_date="2099-01-01", cms_date="2099-01-01", list_date="1900-01-01")], [],
                           calendar=cal)
    assert row["publish_date"] == "2099-01-01"  # what the page states is kept
    assert json.loads(row["implausible_dates"]) == [
        {"field": "publish_date", "date": "2099-01-01", "why": "after first seen 2024-07-03"},
        {"field": "cms_date", "date": "2099-01-01", "why": "after first seen 2024-07-03"},
        {"field": "list_date", "date": "1900-01-01", "why": "before 1990"}]
    assert row["backdated"] == 0
    plain = posting_measures(doc(), [version()], [], calendar=cal)
    assert plain["implausible_dates"] is None
