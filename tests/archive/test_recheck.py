"""The re-check policy: arrivals and open objection windows every run, the history in a rotation."""
from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest

from archive.models import KnownDocument
from archive.recheck import arrivals, is_due, plan, turn_of

NOW = "2026-11-23T09:00:00+08:00"
TODAY = date(2026, 11, 23)
YESTERDAY = "2026-11-22T09:00:00+08:00"


def doc(**kw) -> KnownDocument:
    """A known live posting, first seen 13 days ago and checked yesterday; keyword arguments override fields."""
    fields = {"id": 1, "site_id": "mee", "url": off_turn_url(TODAY), "status": "live", "publish_date": "2026-11-10",
              "first_seen_at": "2026-11-10T09:00:00+08:00", "last_checked_at": YESTERDAY}
    fields.update(kw)
    return KnownDocument(**fields)


def url_with_turn(day: date, *, on: bool, recheck_days: int = 30) -> str:
    """A posting URL whose rotation day is (``on``) or is not ``day``."""
    for n in range(1000):
        url = f"https://x/{n}.html"
        if (turn_of(url, recheck_days) == day.toordinal() % recheck_days) is on:
            return url
    raise AssertionError("no such URL")


def off_turn_url(day: date) -> str:
    """A posting URL whose rotation day is not ``day``."""
    return url_with_turn(day, on=False)


@pytest.mark.parametrize(("fields", "arrived", "expected"), [
    ({}, True, True),                                                   # arrival: every run
    ({"publish_date": "2024-01-01"}, True, True),                       # an old-dated arrival too
    ({"publish_date": "2099-01-01"}, True, True),                       # whatever date it states
    ({"first_seen_at": "2026-10-24T09:00:00+08:00"}, True, True),       # 30 days after first seen: still
    ({"first_seen_at": "2026-10-23T09:00:00+08:00"}, True, False),      # 31 days: rotation, not its day
    ({}, False, False),                                                 # history: rotation, not its day
    ({"publish_date": "2026-11-22"}, False, False),                     # a fresh date alone proves nothing
    ({"url": url_with_turn(TODAY, on=True)}, False, True),              # history on its rotation day
    ({"url": url_with_turn(TODAY, on=True), "last_checked_at": "2026-11-23T07:00:00+08:00"}, False, False),
    ({"last_checked_at": "2026-10-24T14:00:00+08:00"}, False, True),    # 30 days - slack since last check
    ({"last_checked_at": "2026-10-24T16:00:00+08:00"}, False, False),
    ({"last_checked_at": None}, False, True),                           # never checked
    ({"objection_end": "2026-11-23"}, False, True),                     # objection window open today
    ({"objection_end": "2026-11-22"}, False, True),                     # closed yesterday: one more run
    ({"objection_end": "2026-11-21"}, False, False),
    ({"status": "unreachable"}, False, True),                           # always
    ({"status": "removed"}, True, False),                               # removed: weekly
    ({"status": "removed", "last_checked_at": "2026-11-16T14:00:00+08:00"}, False, True),
])
def test_policy(fields, arrived, expected):
    assert is_due(doc(**fields), now=NOW, arrived=arrived) is expected


def test_full_makes_everything_due():
    assert is_due(doc(), now=NOW, full=True)
    assert plan([doc()], now=NOW, full=True).attachments == {doc().url}


def test_history_is_what_the_first_run_found():
    history = doc(id=1, url="https://x/1", found_in_run=3, first_seen_at="2026-11-01T09:00:00+08:00")
    later = doc(id=2, url="https://x/2", found_in_run=4, first_seen_at="2026-11-01T21:00:00+08:00")
    outside = doc(id=3, url="https://x/3", found_in_run=None, first_seen_at="2026-11-02T09:00:00+08:00")
    same_day = doc(id=4, url="https://x/4", found_in_run=None, first_seen_at="2026-11-01T22:00:00+08:00")
    assert arrivals([history, later, outside, same_day]) == {"https://x/2", "https://x/3"}
    assert arrivals([same_day, outside]) == {"https://x/3"}  # no runs: by the day first seen


def test_archive_due_for_recheck(archive, make_capture):
    first, second = archive.begin_run(now="2026-11-01T09:00:00+08:00"), archive.begin_run(now=YESTERDAY)
    history, arrival = off_turn_url(TODAY), off_turn_url(TODAY).replace(".html", "-new.html")
    archive.ingest(make_capture(url=history, fetched_at="2026-11-01T09:00:00+08:00"), run_id=first)
    archive.ingest(make_capture(url=history, fetched_at=YESTERDAY), run_id=second)  # checked yesterday
    archive.ingest(make_capture(url=arrival, publish_date="2025-01-01", fetched_at=YESTERDAY), run_id=second)
    assert [d.url for d in archive.due_for_recheck("mee", now=NOW)] == [arrival]
    assert len(archive.due_for_recheck("mee", now=NOW, full=True)) == 2
    assert archive.known_documents("mee")[history].found_in_run == first


def test_an_arrival_found_with_an_old_date_is_rechecked_every_run_for_30_days_then_in_the_rotation():
    """The issue's case: first seen on day 0 dated 2026-09-26 and edited on day 9 — 75 simulated daily runs."""
    start = datetime.fromisoformat("2026-11-02T10:00:00+08:00")
    known = doc(publish_date="2026-09-26", first_seen_at=start.isoformat(), last_checked_at=start.isoformat())
    checked_on = []
    for day in range(1, 76):
        at = start + timedelta(days=day)
        if is_due(known, now=at, arrived=True):
            checked_on.append(day)
            known = replace(known, last_checked_at=at.isoformat())
    assert checked_on[:30] == list(range(1, 31))  # every run while first seen within 30 days: day 9's edit is seen
    later = checked_on[30:]
    assert len(later) == 2 and later[1] - later[0] == 30 and later[0] - 30 <= 30  # then once per 30 days


# --- 60 simulated days of one site: a 2,000-posting history, daily arrivals, windows, removals ----------------

START = datetime.fromisoformat("2026-11-02T10:00:00+08:00")
HISTORY = 2000
DAYS = 60


def _simulate(skipped_days: frozenset[int] = frozenset()) -> dict:
    """Daily runs over ``DAYS`` days; returns the days each posting was checked and the history's daily load."""
    docs = {f"https://site/h/{n}.html": KnownDocument(id=n, site_id="s", url=f"https://site/h/{n}.html",
                                                      status="live", publish_date="2019-01-01",
                                                      first_seen_at=START.isoformat(),
                                                      last_checked_at=START.isoformat(), found_in_run=1)
            for n in range(HISTORY)}
    checked: dict[str, list[int]] = {url: [0] for url in docs}
    history_load: list[int] = []
    for day in range(1, DAYS):
        if day in skipped_days:
            continue
        at = START + timedelta(days=day)
        due = plan(docs.values(), now=at).due
        history_load.append(sum(url.startswith("https://site/h/") for url in due))
        for url in due:
            docs[url] = replace(docs[url], last_checked_at=at.isoformat())
            checked[url].append(day)
        for j in range(3):  # the day's arrivals (one backdated by a year), archived by this run
            url = f"https://site/a/{day}-{j}.html"
            docs[url] = KnownDocument(id=100_000 + day * 10 + j, site_id="s", url=url, status="live",
                                      publish_date="2025-11-01" if j == 0 else at.date().isoformat(),
                                      first_seen_at=at.isoformat(), last_checked_at=at.isoformat(),
                                      found_in_run=day + 1,
                                      objection_end=(at.date() + timedelta(days=40)).isoformat() if j == 2 else None)
            checked[url] = [day]
    return {"checked": checked, "history_load": history_load}


def _longest_gaps(checked: dict[str, list[int]]) -> list[int]:
    """Per history posting, the most days between two checks (or its last check and the end)."""
    out = []
    for url, days in checked.items():
        if "/h/" in url:
            seq = [*days, DAYS]
            out.append(max(b - a for a, b in pairwise(seq)))
    return out


@pytest.fixture(scope="module")
def sixty_days() -> dict:
    """60 daily runs of the policy over a synthetic site."""
    return _simulate()


def test_an_unchanged_rerun_right_after_the_first_crawl_rechecks_nothing():
    docs = [KnownDocument(id=n, site_id="s", url=f"https://site/h/{n}.html", status="live",
                          first_seen_at=START.isoformat(), last_checked_at=START.isoformat(), found_in_run=1)
            for n in range(HISTORY)]
    assert plan(docs, now=START + timedelta(hours=1)).due == {}


def test_every_history_posting_is_rechecked_at_least_every_30_days(sixty_days):
    gaps = _longest_gaps(sixty_days["checked"])
    assert len(gaps) == HISTORY and max(gaps) <= 30


def test_the_history_is_spread_evenly_over_the_days(sixty_days):
    load, share = sixty_days["history_load"], math.ceil(HISTORY / 30)
    assert sum(load[:30]) >= HISTORY  # the whole history within the first 30 days
    assert max(load) <= 1.4 * share and min(load) >= 0.6 * share, load  # never the whole history in one run


def test_every_arrival_is_rechecked_every_run_for_its_first_30_days(sixty_days):
    for url, days in sixty_days["checked"].items():
        if "/a/" not in url:
            continue
        first = days[0]
        wanted = set(range(first + 1, min(first + 31, DAYS)))
        assert wanted <= set(days), url
        window = "-2.html" in url  # an objection window of 40 days keeps it checked every run until it closes
        expected = set(range(first + 1, min(first + 42, DAYS)))
        assert not window or expected <= set(days), url


def test_every_removal_is_seen_within_30_days(sixty_days):
    """A posting taken down on any day (and still listed, so only its own check can tell) is checked within 30."""
    for url, days in sixty_days["checked"].items():
        for removed_on in range(days[0] + 1, DAYS - 30):
            assert any(removed_on <= d <= removed_on + 30 for d in days), (url, removed_on)


def test_missed_runs_do_not_stretch_the_rotation():
    assert max(_longest_gaps(_simulate(frozenset(range(10, 15)))["checked"])) <= 30
