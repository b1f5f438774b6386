"""Re-typing stored postings when the doc_type rules change: the ledger build does it first, keeps the
old type in ``doc_type_changes``, and a close-out the old rules typed ``other`` reaches the ledger."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from archive.doctype import RULES_VERSION
from archive.ledger import build_ledger, ledger_data
from archive.models import PageCapture
from archive.retype import retype_documents
from archive.store import Archive

T0 = "2024-07-01T09:00:00+08:00"
P = "https://sthjt.sc.gov.cn/p/"
PLAN = (
    "第二轮中央生态环境保护督察组于2021年12月10日向四川省进行了反馈。对督察反馈的3个问题，制定整改方案如下。\n"
    "1. 长江岸线生态修复不到位（牵头单位：省自然资源厅；整改时限：2023年底前）\n"
    "2. 城镇污水处理设施建设滞后（牵头单位：省住房城乡建设厅；整改时限：2024年6月底前）\n"
    "3. 建立长效监管机制（牵头单位：省生态环境厅；整改时限：长期坚持）"
)
#: (url tail, title, body, type the old rules gave it when it was crawled)
POSTINGS = [
    ("plan", "四川省贯彻落实第二轮中央生态环境保护督察报告整改方案", PLAN, "rectification_plan"),
    ("n54", "第二轮中央生态环境保护督察第二项（一）问题整改公示",
     "“城镇污水处理设施建设滞后”整改任务已整改完成。公示期为2024年6月20日至2024年7月4日。", "other"),
    ("xs", "中共四川省生态环境厅党组关于省委第六轮巡视整改进展情况的通报",
     "根据省委统一部署，省委第六巡视组对厅党组开展了巡视。现将整改进展情况予以公布。", "rectification_progress"),
    ("px", "省生态环境厅举办全省环评与排污许可业务培训班", "培训围绕建设项目环评审批展开。", "eia_notice"),
]


def _archive(tmp_path) -> Database:
    path = tmp_path / "archive.db"
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.upsert_sites([{"id": "sc", "name": "四川省生态环境厅", "region": "四川省", "level": "province",
                         "start_urls": []}])
        for tail, title, body, old in POSTINGS:
            a.ingest(PageCapture(site_id="sc", url=P + tail, fetched_at=T0, http_status=200, title=title,
                                 body_text=body, publish_date="2024-06-20", publish_date_source="cms",
                                 dates={"cms": "2024-06-20"}, doc_type=old))
    return Database(path)


def test_the_ledger_build_retypes_and_links_the_close_out(tmp_path) -> None:
    db = _archive(tmp_path)
    stats = build_ledger(db, now=datetime(2024, 7, 1, 10, tzinfo=UTC))
    assert stats.retyped == 3
    types = {url.rsplit("/", 1)[1]: t for url, t in db.execute("SELECT url, doc_type FROM documents")}
    assert types == {"plan": "rectification_plan", "n54": "acceptance_notice", "xs": "other", "px": "other"}
    changes = sorted(db.execute("SELECT d.url, c.old_type, c.new_type, c.rules_version FROM doc_type_changes c"
                                " JOIN documents d ON d.id = c.document_id"))
    assert changes == [(P + "n54", "other", "acceptance_notice", RULES_VERSION),
                       (P + "px", "eia_notice", "other", RULES_VERSION),
                       (P + "xs", "rectification_progress", "other", RULES_VERSION)]
    plan = ledger_data(tmp_path / "archive.db", as_of="2024-07-01")["plans"][0]
    closures = {t["number"]: t["closure_urls"] for t in plan["tasks"]}
    assert closures == {1: [], 2: [P + "n54"], 3: []}


def test_retyping_runs_once_per_rules_version(tmp_path) -> None:
    db = _archive(tmp_path)
    first = retype_documents(db, now=datetime(2024, 7, 1, tzinfo=UTC))
    assert (first.skipped, first.checked, first.changed) == (False, 4, 3)
    assert first.changes[("other", "acceptance_notice")] == 1
    urls = dict(db.execute("SELECT id, url FROM documents"))
    assert sorted(urls[i].rsplit("/", 1)[1] for i in first.document_ids) == ["n54", "px", "xs"]
    again = retype_documents(db)
    assert again.skipped and again.changed == 0
    forced = retype_documents(db, force=True)
    assert (forced.skipped, forced.changed) == (False, 0)
    assert db.execute("SELECT count(*) FROM doc_type_changes").fetchone()[0] == 3
    assert db.execute("SELECT version, checked, changed FROM doc_type_rules").fetchall() == [(RULES_VERSION, 4, 0)]
