"""The re-check policy: every run while young or in an objection window, weekly, monthly."""
from __future__ import annotations

import pytest

from archive.models import KnownDocument
from archive.recheck import is_due

NOW = "2026-11-23T09:00:00+08:00"
OLD = {"first_seen_at": "2024-01-02T09:00:00+08:00"}  # found long ago: its age is its date's


def doc(**kw) -> KnownDocument:
    """A known live posting; keyword arguments override fields."""
    fields = {"id": 1, "site_id": "mee", "url": "https://x/1", "status": "live", "publish_date": "2026-11-10",
                  "first_seen_at": "2026-11-10T09:00:00+08:00", "last_checked_at": "2026-11-22T09:00:00+08:00"}
    fields.update(kw)
    return KnownDocument(**fields)


@pytest.mark.parametrize(("fields", "expected"), [
    ({}, True),                                                         # young: every run
    ({"publish_date": "2026-10-24"}, True),                             # 30 days old: still young
    ({"publish_date": "2026-06-01", **OLD}, False),                     # weekly, checked yesterday
    ({"publish_date": "2026-06-01", **OLD, "last_checked_at": "2026-11-16T09:30:00+08:00"}, True),  # 7 days - slack
    ({"publish_date": "2026-06-01", **OLD, "objection_end": "2026-11-23"}, True),   # objection window open today
    ({"publish_date": "2026-06-01", **OLD, "objection_end": "2026-11-22"}, False),  # window closed yesterday
    ({"publish_date": "2026-06-01"}, True),                             # old date, first seen 13 days ago: young
    ({"publish_date": "2099-01-01", **OLD}, False),                     # a future date does not make it young
    ({"publish_date": None, "first_seen_at": "2026-11-01T09:00:00+08:00"}, True),  # undated: first seen
    ({"publish_date": None, "first_seen_at": "2026-01-01T09:00:00+08:00"}, False),
    ({"publish_date": "2024-01-01", **OLD, "last_checked_at": "2026-11-01T09:00:00+08:00"}, False),  # monthly
    ({"publish_date": "2024-01-01", **OLD, "last_checked_at": "2026-10-20T09:00:00+08:00"}, True),
    ({"publish_date": "2024-01-01", "status": "unreachable"}, True),    # always
    ({"status": "removed"}, False),                                     # removed: weekly
    ({"status": "removed", "last_checked_at": "2026-11-15T09:00:00+08:00"}, True),
    ({"publish_date": "2024-01-01", **OLD, "last_checked_at": None}, True),  # never checked
])
def test_policy(fields, expected):
    assert is_due(doc(**fields), now=NOW) is expected


def test_full_makes_everything_due():
    assert is_due(doc(publish_date="2020-01-01"), now=NOW, full=True)


def test_archive_due_for_recheck(archive, make_capture):
    archive.ingest(make_capture(url="https://x/young", fetched_at="2026-11-22T09:00:00+08:00"))
    for fetched_at in ("2025-01-02T09:00:00+08:00", "2026-11-22T09:00:00+08:00"):  # found long ago, checked yesterday
        archive.ingest(make_capture(url="https://x/old", publish_date="2025-01-01", fetched_at=fetched_at))
    due = archive.due_for_recheck("mee", now=NOW)
    assert [d.url for d in due] == ["https://x/young"]
    assert len(archive.due_for_recheck("mee", now=NOW, full=True)) == 2
    assert set(archive.known_documents("mee")) == {"https://x/young", "https://x/old"}


def test_a_posting_found_with_an_old_date_is_rechecked_every_run_for_30_days_then_weekly():
    """The issue's case: first seen on day 0 dated 2026-09-26 and edited on day 9 — 30 simulated daily runs."""
    from datetime import datetime, timedelta

    start = datetime.fromisoformat("2026-11-02T10:00:00+08:00")
    known = doc(publish_date="2026-09-26", first_seen_at=start.isoformat(), last_checked_at=start.isoformat())
    checked_on = []
    for day in range(1, 46):
        at = start + timedelta(days=day)
        if is_due(known, now=at):
            checked_on.append(day)
            known = KnownDocument(**{**known.__dict__, "last_checked_at": at.isoformat()})
    assert checked_on[:30] == list(range(1, 31))  # every run while first seen within 30 days: day 9's edit is seen
    assert checked_on[30:] == [37, 44]            # then weekly
