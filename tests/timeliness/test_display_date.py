"""The date a detail page displays is kept apart from its CMS date and flagged when they disagree."""
from __future__ import annotations

import dataclasses

from sqlite_utils import Database

from archive.store import Archive
from archive.timeliness.compute import compute_measures
from tests.timeliness.test_compute import NOW, SITE, capture, run, url


def test_display_date_disagreeing_with_the_cms_date_is_flagged(tmp_path):
    path = tmp_path / "a.db"
    # 甘肃: the page shows 日期：2025-02-26 while <meta name="PubDate"> says 2025-03-27
    shown_early = capture(url("20240702", 1), "2024-07-03T10:00:00+08:00", "2024-07-03")
    shown_early = dataclasses.replace(shown_early, dates={**shown_early.dates, "display": "2024-06-05"})
    same = capture(url("20240702", 2), "2024-07-03T10:00:00+08:00", "2024-07-02")
    same = dataclasses.replace(same, dates={**same.dates, "display": "2024-07-02"})
    none = capture(url("20240702", 3), "2024-07-03T10:00:00+08:00", "2024-07-02")
    with Archive(path) as archive:
        archive.upsert_sites([SITE])
        run(archive, "2024-07-03T10:00:00+08:00", [shown_early, same, none])
    compute_measures(path, now=NOW)
    db = Database(path)
    rows = {r["url"]: (r["display_date"], r["cms_date"], r["display_date_differs"]) for r in db.query(
        "SELECT d.url, d.display_date, d.cms_date, t.display_date_differs FROM documents d "
        "JOIN timeliness t ON t.document_id = d.id")}
    assert rows == {shown_early.url: ("2024-06-05", "2024-07-03", 1), same.url: ("2024-07-02", "2024-07-02", 0),
                    none.url: (None, "2024-07-02", None)}
    mentions = [r["value"] for r in db.query("SELECT value FROM date_mentions WHERE source = 'display'")]
    assert sorted(mentions) == ["2024-06-05", "2024-07-02"]
