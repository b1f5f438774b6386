"""Tests for archive.timeliness.compute and report over an archive built with ``archive.store.Archive``."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import statistics
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.errors import UnknownRegionError
from archive.models import CheckOutcome, PageCapture
from archive.store import Archive
from archive.timeliness.compute import compute_measures
from archive.timeliness.report import CSV_COLUMNS, render_report, summarise

SITE = {"id": "ln-sthj", "name": "辽宁省生态环境厅", "region": "辽宁省", "level": "province",
        "start_urls": ["https://sthj.ln.gov.cn/sthj/index/tzgg/index.shtml"]}
OTHER = {"id": "sc-sthjt", "name": "四川省生态环境厅", "region": "四川省", "level": "province",
         "start_urls": ["https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml"]}
GONGSHI = "现予公示。自发布之日起10个工作日内，任何单位、个人有异议，请与省督改办联系。监督电话：024-62788397"
NOW = dt.datetime(2024, 7, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def url(day: str, n: int, host: str = "sthj.ln.gov.cn") -> str:
    """A TRS detail URL carrying ``day`` (YYYYMMDD)."""
    return f"https://{host}/sthj/index/tzgg/{day[:6]}/t{day}_{n}.shtml"


def capture(link: str, at: str, date: str, body: str = "通知正文。", *, site: str = "ln-sthj",
            stated: str | None = None) -> PageCapture:
    """A PageCapture whose CMS and list dates are ``date`` (the stated one too unless given)."""
    return PageCapture(site_id=site, url=link, fetched_at=at, http_status=200, title="验收销号公示", body_text=body,
                       publish_date=date, publish_date_source="cms", doc_type="acceptance_notice",
                       dates={"cms": date, "list": date, "stated": stated or date, "url": None})


def run(archive: Archive, at: str, captures: list[PageCapture], outcomes: list[CheckOutcome] = ()) -> None:
    """One crawl run at ``at`` visiting both sites."""
    run_id = archive.begin_run(now=at)
    for c in captures:
        archive.ingest(c, run_id=run_id)
    for o in outcomes:
        archive.record_outcome(o, run_id=run_id)
    archive.finish_run(run_id, status="ok", now=at, summary={"ln-sthj": {"status": "ok"}, "sc-sthjt": {"status": "ok"}})


@pytest.fixture()
def archive_db(tmp_path: Path, seeds: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """An archive over four runs with known backdated postings and early removals (like the simweb manifest)."""
    path = tmp_path / "archive.db"
    u = {k: url(d, n) for k, d, n in [("old", "20230501", 1), ("liaoning", "20240703", 2), ("late", "20240620", 3),
                                      ("urlmismatch", "20230501", 4), ("signed", "20240703", 10), ("moved", "20240703", 5),
                                      ("early", "20240703", 6), ("ontime", "20240703", 7), ("plain", "20240704", 8)]}
    u["sc"] = url("20240703", 9, host="sthjt.sc.gov.cn")
    day0, day3, day5, day18 = ("2024-07-01T09:00:00+08:00", "2024-07-03T09:00:00+08:00",
                               "2024-07-05T09:00:00+08:00", "2024-07-18T09:00:00+08:00")
    with Archive(path) as a:
        a.upsert_sites([SITE, OTHER], now=day0)
        run(a, day0, [capture(u["old"], day0, "2023-05-01", GONGSHI),  # baseline: online before we looked
                      capture(u["urlmismatch"], day0, "2023-04-20")])  # page date 11 days before its URL date
        run(a, day3, [
            capture(u["liaoning"], day3, "2024-07-03", seeds["003"]),
            capture(u["late"], day3, "2024-06-20"),  # backdated on arrival (URL and page agree)
            capture(u["signed"], day3, "2024-07-03", stated="2024-06-25"),  # signed before posting: a lag only
            capture(u["moved"], day3, "2024-07-03"),
            capture(u["early"], day3, "2024-07-03", GONGSHI),
            capture(u["ontime"], day3, "2024-07-03", GONGSHI),
            capture(u["sc"], day3, "2024-07-03", "公示期：2024年7月3日至2024年7月16日。", site="sc-sthjt"),
        ])
        run(a, day5, [capture(u["moved"], day5, "2024-06-10"), capture(u["plain"], day5, "2024-07-04")],
            [CheckOutcome(site_id="ln-sthj", url=u["early"], fetched_at=day5, kind="removed", http_status=404)])
        run(a, day18, [], [CheckOutcome(site_id="ln-sthj", url=u["ontime"], fetched_at=day18, kind="removed",
                                        http_status=404),
                           CheckOutcome(site_id="sc-sthjt", url=u["sc"], fetched_at=day18, kind="unreachable")])
    return path, u


def test_flags_exactly_the_backdated_and_early_removed(archive_db: tuple[Path, dict[str, str]]) -> None:
    path, u = archive_db
    assert compute_measures(path, now=NOW) == 10
    db = Database(path)
    ids = {r["url"]: r["id"] for r in db.query("SELECT id, url FROM documents")}
    rows = {r["document_id"]: r for r in db.query("SELECT * FROM timeliness")}
    backdated = {k for k, link in u.items() if rows[ids[link]]["backdated"]}
    early = {k for k, link in u.items() if rows[ids[link]]["early_removal"] == 1}
    assert backdated == {"late", "urlmismatch", "moved"}
    assert early == {"early"}
    moved = json.loads(rows[ids[u["moved"]]]["backdated_reasons"])
    assert {"kind": "date_moved_earlier", "field": "cms_date", "from": "2024-07-03", "to": "2024-06-10",
            "at": "2024-07-05T09:00:00+08:00"} in moved
    liaoning = rows[ids[u["liaoning"]]]
    assert (liaoning["acceptance_lag_days"], liaoning["objection_end"], liaoning["posting_lag_days"]) == (533, "2024-07-16", 0)
    assert rows[ids[u["old"]]]["baseline"] == 1 and rows[ids[u["liaoning"]]]["baseline"] == 0
    assert rows[ids[u["ontime"]]]["early_removal"] == 0
    assert rows[ids[u["sc"]]]["early_removal"] == 0  # unreachable is never a removal
    assert rows[ids[u["liaoning"]]]["previous_visit_date"] == "2024-07-01"


def test_compute_is_idempotent_and_writes_date_mentions(archive_db: tuple[Path, dict[str, str]]) -> None:
    path, u = archive_db
    compute_measures(path, now=NOW)
    db = Database(path)
    first = list(db.query("SELECT * FROM date_mentions ORDER BY id"))
    compute_measures(path, now=NOW)
    again = list(db.query("SELECT * FROM date_mentions ORDER BY id"))
    assert [{**r, "id": 0} for r in first] == [{**r, "id": 0} for r in again]
    assert db.execute("SELECT count(*) FROM timeliness").fetchone()[0] == 10
    doc_id = db.execute("SELECT id FROM documents WHERE url = ?", [u["liaoning"]]).fetchone()[0]
    sources = {(r["source"], r["value"]) for r in db.query(
        "SELECT source, value FROM date_mentions WHERE document_id = ?", [doc_id])}
    assert {("cms", "2024-07-03"), ("url", "2024-07-03"), ("first_seen", "2024-07-03"),
            ("stated", "2023-01-17")} <= sources


def test_view_by_site_month(archive_db: tuple[Path, dict[str, str]]) -> None:
    path, _ = archive_db
    compute_measures(path, now=NOW)
    rows = {(r["site_id"], r["month"]): r for r in Database(path).query("SELECT * FROM timeliness_by_site_month")}
    july = rows[("ln-sthj", "2024-07")]
    assert (july["region"], july["backdated"], july["early_removals"]) == ("辽宁省", 0, 1)
    assert rows[("ln-sthj", "2023-04")]["backdated"] == 1
    assert rows[("ln-sthj", "2024-06")]["backdated"] == 2 and rows[("ln-sthj", "2023-05")]["postings_seen_arriving"] == 0
    flags = list(Database(path).query("SELECT document_id FROM timeliness_flags"))
    assert len(flags) == 4  # late, moved, urlmismatch, early


def test_report_csv_and_md(archive_db: tuple[Path, dict[str, str]]) -> None:
    path, _ = archive_db
    text = render_report(path, fmt="csv", now=NOW)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {(r["region"], r["site_id"], r["month"]) for r in rows} == {
        ("四川省", "sc-sthjt", "2024-07"), ("辽宁省", "ln-sthj", "2023-04"), ("辽宁省", "ln-sthj", "2023-05"),
        ("辽宁省", "ln-sthj", "2024-06"),
        ("辽宁省", "ln-sthj", "2024-07")}
    only = list(csv.DictReader(io.StringIO(render_report(path, fmt="csv", region="四川省"))))
    assert [(r["site_id"], r["objection_windows"], r["calendar_version"]) for r in only] == [
        ("sc-sthjt", "1", "chinese_calendar 1.11.0")]
    md = render_report(path, since="2024-07-01")
    assert md.startswith("# Timeliness report")
    assert "## Flagged postings (1)" in md  # the backdated postings are all dated before --since
    full = render_report(path)
    assert "cms_date moved 2024-07-03 → 2024-06-10" in full
    assert "cms_date 2023-04-20 < URL date 2023-05-01" in full
    assert "cms_date 2024-06-20 is 13 d before first seen" in full
    assert "removed 2024-07-05 before window end 2024-07-16" in md


@pytest.mark.parametrize("kwargs", [{"fmt": "html"}, {"since": "July"}])
def test_report_rejects_bad_options(archive_db: tuple[Path, dict[str, str]], kwargs: dict) -> None:
    with pytest.raises(ValueError):
        render_report(archive_db[0], **kwargs)


def test_figures_roll_up_per_region(archive_db: tuple[Path, dict[str, str]]) -> None:
    path, _ = archive_db
    compute_measures(path, now=NOW)
    rows = {(r["region"], r["month"]): r for r in Database(path).query("SELECT * FROM timeliness_by_region_month")}
    assert rows[("辽宁省", "2024-07")]["sites"] == 1 and rows[("四川省", "2024-07")]["postings"] == 1
    assert sum(r["postings"] for r in rows.values()) == Database(path).execute(
        "SELECT count(*) FROM timeliness").fetchone()[0]
    md = render_report(path)
    region_table = md.split("## Per region", 1)[1].split("## Per month", 1)[0]
    assert "| region | sites | postings |" in region_table
    assert "| 辽宁省 | 1 | 9 |" in region_table and "| 四川省 | 1 | 1 |" in region_table


def test_region_as_readers_type_it(archive_db: tuple[Path, dict[str, str]]) -> None:
    """四川 finds 四川省; an unknown region is an error naming the valid ones, never an empty report."""
    path, _ = archive_db
    compute_measures(path, now=NOW)
    assert render_report(path, fmt="csv", region="四川") == render_report(path, fmt="csv", region="四川省")
    assert "Postings: 1." in render_report(path, region="四川")
    with pytest.raises(UnknownRegionError, match="四川省, 辽宁省"):
        render_report(path, region="火星")


def test_medians_with_n_and_not_computed_is_not_zero(archive_db: tuple[Path, dict[str, str]]) -> None:
    path, _ = archive_db
    compute_measures(path, now=NOW)
    db = Database(path)
    lags = [r[0] for r in db.execute("SELECT t.posting_lag_days FROM timeliness t JOIN sites s ON s.id = t.site_id"
                                     " WHERE s.region = '辽宁省' AND t.baseline = 0"
                                     " AND t.posting_lag_days IS NOT NULL").fetchall()]
    (liaoning,) = [r for r in summarise(path, ("region",)) if r["region"] == "辽宁省"]
    assert (liaoning["posting_lag_n"], liaoning["median_posting_lag_days"]) == (len(lags), statistics.median(lags))
    views = {r["region"]: r for r in db.query("SELECT region, sum(posting_lag_n) AS n FROM timeliness_by_region_month"
                                              " GROUP BY region")}
    assert views["辽宁省"]["n"] == len(lags)
    unchecked = [r for r in summarise(path, ("region", "site_id")) if r["windows_checked"] == 0]
    assert unchecked and all(r["windows_shorter_than_stated"] is None for r in unchecked)
    site_table = render_report(path).split("## Per site", 1)[1].split("## Per region", 1)[0]
    assert "未计算" in site_table


def test_lag_distribution_adds_up_to_n(archive_db: tuple[Path, dict[str, str]]) -> None:
    from archive.timeliness.summary import LAG_BUCKETS

    path, _ = archive_db
    compute_measures(path, now=NOW)
    for row in summarise(path, ("region", "site_id")):
        assert sum(row[name] or 0 for name, _, _ in LAG_BUCKETS) == row["posting_lag_n"]


def test_computing_some_postings_equals_computing_all_and_touches_no_other(archive_db) -> None:
    """After a crawl only the postings it checked are computed; their rows must equal a full computation's."""
    path, _ = archive_db
    compute_measures(path, now=NOW)
    db = Database(path)

    def rows(doc_id: int) -> tuple[dict, list[str]]:
        measure = {**next(Database(path).query("SELECT * FROM timeliness WHERE document_id = ?", [doc_id])), "id": 0}
        mentions = sorted(repr({**r, "id": 0}) for r in Database(path).query(
            "SELECT * FROM date_mentions WHERE document_id = ?", [doc_id]))
        return measure, mentions

    ids = [r["id"] for r in db.query("SELECT id FROM documents ORDER BY id")]
    full = {i: rows(i) for i in ids}
    for doc_id in ids:  # one at a time: versions and events of other postings must not leak in
        db.execute("UPDATE timeliness SET backdated = 99")
        db.conn.commit()
        assert compute_measures(path, now=NOW, document_ids=[doc_id]) == 1
        assert rows(doc_id) == full[doc_id], doc_id
        others = {r[0] for r in Database(path).execute("SELECT backdated FROM timeliness WHERE document_id != ?",
                                                      [doc_id]).fetchall()}
        assert others == {99}  # the others untouched


def test_a_subset_computation_reads_exactly_its_postings_rows(archive_db, monkeypatch) -> None:
    """The rows handed to the measures (versions, events, attachment texts) are the posting's own, all of them."""
    from archive.timeliness import compute

    path, _ = archive_db
    seen: dict[int, list] = {}
    real = compute.posting_measures

    def spy(doc, versions, events, **kw):
        seen.setdefault(doc["id"], []).append((list(versions), list(events), list(kw["attachment_texts"])))
        return real(doc, versions, events, **kw)

    monkeypatch.setattr(compute, "posting_measures", spy)
    compute_measures(path, now=NOW)
    ids = sorted(seen)
    assert any(len(seen[i][0][0]) > 1 for i in ids) and any(seen[i][0][1] for i in ids)  # versions and events
    for doc_id in ids:
        compute_measures(path, now=NOW, document_ids=[doc_id])
        assert seen[doc_id][1] == seen[doc_id][0], doc_id
