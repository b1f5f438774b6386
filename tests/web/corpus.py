"""A small synthetic archive for the web tests, screenshots and demos, with its ground truth.

Built through ``archive.store.Archive`` from ``PageCapture``s and ``CheckOutcome``s, so it has the
same rows a crawl would write.  Dates are relative to today in China so "open 公示" stays open.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from hashlib import sha256
from pathlib import Path

from archive.models import AttachmentCapture, CheckOutcome, PageCapture
from archive.store import Archive
from archive.timeliness.compute import compute_measures
from archive.warc import WarcWriter

CHINA = timezone(timedelta(hours=8))
XSS_TITLE = "<script>alert(1)</script>关于某化工厂整改情况的公示"
XSS_BODY = (
    "正文开始<img src=x onerror=alert(1)>现予公示。<script>alert(2)</script>"
    "<svg onload=\"document.body.setAttribute('data-pwned', 1)\"></svg>")
#: The hostile posting's second version: a changed title and an added sentence, both with markup.
XSS_TITLE_V2 = XSS_TITLE + "（更正）"
XSS_BODY_V2 = XSS_BODY + "\n更正：联系电话有误，现予更正。<img src=x onerror=alert(3)>"

#: Archived bytes of two attachments: a PDF, and an HTML file posing as one (it must never render inline).
PDF_BYTES = b"%PDF-1.4\n% \xe9\xaa\x8c\xe6\x94\xb6\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
HOSTILE_ATTACHMENT = b"<html><script>alert(4)</script><img src=x onerror=alert(5)></html>"
#: The hostile posting's archived page (its WARC payload), rendered only through the sanitised snapshot.
XSS_PAGE = ("<html><head><title>t</title><style>body{display:none}</style><script>alert(6)</script></head>"
            "<body onload=\"alert(7)\"><h1>关于某化工厂整改情况的公示</h1><p>现予公示。<a href=\"javascript:alert(8)\">x</a>"
            "<a href=\"./P020.pdf\">附件1</a></p><img src=\"http://evil.example/t.gif\" onerror=\"alert(9)\">"
            "<form action=\"http://evil.example/\"><input name=q></form><iframe src=\"http://evil.example/\"></iframe>"
            "</body></html>")

SITES = [
    {"id": "mee", "name": "生态环境部", "region": "全国", "level": "national",
     "start_urls": ["https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml"]},
    {"id": "sc-sthjt", "name": "四川省生态环境厅", "region": "四川省", "level": "province",
     "start_urls": ["https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml"]},
    {"id": "js-sthjt", "name": "江苏省生态环境厅", "region": "江苏省", "level": "province",
     "start_urls": ["http://sthjt.jiangsu.gov.cn/col/col84025/index.html"]},
]


@dataclass
class Corpus:
    """Where the archive is and what the tests can expect from it."""

    path: Path
    today: date
    ids: dict[str, int] = field(default_factory=dict)  # key -> documents.id
    texts: dict[int, str] = field(default_factory=dict)  # documents.id -> title + body + attachment texts

    def containing(self, word: str) -> set[int]:
        """Ids of the postings whose current title, body or attachment text contains ``word``."""
        return {doc_id for doc_id, text in self.texts.items() if word in text}


def _ts(day: date, hour: int = 9) -> str:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CHINA).isoformat(timespec="seconds")


def _capture(site: str, url: str, at: str, title: str, body: str, pub: date, *, doc_type: str = "other",
             attachments: list[AttachmentCapture] | None = None, objection_end: date | None = None,
             dates: dict | None = None) -> PageCapture:
    iso = pub.isoformat()
    if objection_end:  # the window as the notice states it; the archive computes it from the text
        body += f"\n公示时间：{pub.year}年{pub.month}月{pub.day}日至{objection_end.year}年{objection_end.month}月{objection_end.day}日。"
    return PageCapture(
        site_id=site, url=url, fetched_at=at, http_status=200, title=title, body_text=body,
        publish_date=iso, publish_date_source="cms",
        dates=dates or {"cms": iso, "list": iso, "stated": iso, "url": iso},
        doc_type=doc_type, attachments=attachments or [], raw_sha256="f" * 64)


def _postings(t0: date, today: date) -> dict[str, list[tuple[int, PageCapture | CheckOutcome]]]:
    """Each posting's history as (day offset from t0, capture or outcome)."""
    mee, sc, js = "https://www.mee.gov.cn/dczg/", "https://sthjt.sc.gov.cn/sthjt/c104378/", \
        "http://sthjt.jiangsu.gov.cn/art/"
    pdf = AttachmentCapture(url=sc + "P020.pdf", name="附件1：验收表.pdf", sha256=sha256(PDF_BYTES).hexdigest(),
                            size=len(PDF_BYTES),
                            content_type="application/pdf", text="验收意见：同意销号。")
    plan_v1 = "为落实督察反馈意见，制定本整改方案。\n共68个问题，2025年底前完成。"
    plan_v2 = "为落实督察反馈意见，制定本整改方案。\n共68个问题，2026年底前完成，逐项销号。"
    return {
        "notice": [(0, _capture("mee", mee + "t1.shtml", _ts(t0), "关于第一批整改任务验收销号情况的公示",
                                "现将验收销号情况予以公示，公示期10个工作日。", t0,
                                doc_type="acceptance_notice"))],
        "plan": [
            (0, _capture("sc-sthjt", sc + "plan.shtml", _ts(t0), "四川省第三轮督察整改方案", plan_v1, t0,
                         doc_type="rectification_plan")),
            (2, _capture("sc-sthjt", sc + "plan.shtml", _ts(t0 + timedelta(days=2)), "四川省第三轮督察整改方案",
                         plan_v2, t0, doc_type="rectification_plan")),
            (4, _capture("sc-sthjt", sc + "plan.shtml", _ts(t0 + timedelta(days=4)), "四川省第三轮督察整改方案",
                         plan_v2, t0 - timedelta(days=30), doc_type="rectification_plan")),
        ],
        "body_only": [(1, _capture("js-sthjt", js + "a1.html", _ts(t0 + timedelta(days=1)),
                                   "江苏省整改落实情况", "已完成整改并申请销号。", t0, doc_type="rectification_progress"))],
        "attachment_only": [(1, _capture("sc-sthjt", sc + "acc.shtml", _ts(t0 + timedelta(days=1)),
                                         "关于验收结果的通知", "详见附件。", t0, attachments=[pdf]))],
        "near_miss": [(1, _capture("mee", mee + "t2.shtml", _ts(t0 + timedelta(days=1)),
                                   "撤销部分编号的通知", "制定整改工作方案，做好公开示范。", t0))],
        "removed": [
            (0, _capture("js-sthjt", js + "a2.html", _ts(t0), "某项目环评受理公示", "环境影响报告书受理情况公示。",
                         t0, doc_type="eia_notice", objection_end=today + timedelta(days=3))),
            (3, CheckOutcome(site_id="js-sthjt", url=js + "a2.html", fetched_at=_ts(t0 + timedelta(days=3)),
                             kind="removed", http_status=404, reason="404")),
        ],
        "xss": [(day, _capture("mee", mee + "x.shtml", _ts(t0 + timedelta(days=day)), title, body, t0,
                               attachments=[AttachmentCapture(url=mee + "x.pdf", name="<script>x</script>.pdf",
                                                              sha256=sha256(HOSTILE_ATTACHMENT).hexdigest(),
                                                              content_type="text/html", text="<b>bold</b>")]))
                for day, title, body in ((2, XSS_TITLE, XSS_BODY), (4, XSS_TITLE_V2, XSS_BODY_V2))],
        "backdated": [(6, _capture("mee", mee + "late.shtml", _ts(t0 + timedelta(days=6)),
                                   "关于典型案例的通报", "典型案例通报。", t0 + timedelta(days=1), doc_type="typical_case"))],
    }


def build_corpus(path: Path, *, today: date | None = None) -> Corpus:
    """Write the synthetic archive to ``path`` and return it with its ground truth."""
    today = today or datetime.now(CHINA).date()
    t0 = today - timedelta(days=10)
    corpus = Corpus(path=path, today=today)
    histories = _postings(t0, today)
    writer = WarcWriter(path.parent / "warc", run_id="web-tests")
    with writer, Archive(path) as archive:
        archive.upsert_sites(SITES, now=_ts(t0, 8))
        days = sorted({day for history in histories.values() for day, _ in history})
        for day in days:
            run_id = archive.begin_run(now=_ts(t0 + timedelta(days=day), 8))
            for key, history in histories.items():
                for when, item in history:
                    if when != day:
                        continue
                    if isinstance(item, PageCapture):
                        if key in ("notice", "xss"):
                            page = XSS_PAGE if key == "xss" else f"<html><title>{item.title}</title></html>"
                            item.warc = writer.write_exchange(
                                url=item.url, status=200, body=page.encode(),
                                response_headers=[("Content-Type", "text/html; charset=utf-8")],
                                fetched_at=item.fetched_at)
                        for attachment in item.attachments:
                            body = PDF_BYTES if attachment.url.endswith("P020.pdf") else HOSTILE_ATTACHMENT
                            attachment.warc = writer.write_exchange(
                                url=attachment.url, status=200, body=body, fetched_at=item.fetched_at,
                                response_headers=[("Content-Type", attachment.content_type or "application/pdf")])
                        corpus.ids[key] = archive.ingest(item, run_id=run_id).document_id
                        texts = [item.title, item.body_text, *(a.text or "" for a in item.attachments)]
                        corpus.texts[corpus.ids[key]] = "\n".join(texts)
                    else:
                        archive.record_outcome(item, run_id=run_id)
            summary = {s["id"]: {"entries": 5, "new": 1, "errors": 0, "blocked": 0} for s in SITES}
            if day == days[-1]:
                summary["js-sthjt"] = {"entries": 0, "new": 0, "errors": 3, "blocked": 2}
            archive.finish_run(run_id, status="ok", now=_ts(t0 + timedelta(days=day), 10), summary=summary)
    compute_measures(path, now=datetime.fromisoformat(_ts(today, 11)))
    return corpus


def build_empty(path: Path) -> Path:
    """An archive with the schema and nothing else."""
    Archive(path).close()
    return path


def add_ledger(corpus: Corpus, warc_dir: Path) -> int:
    """Add the ledger tests' plans and close-outs (``tests/ledger/conftest.py``) to ``corpus`` and build the
    ledger; returns the posting id of the province plan (three tasks: overdue, closed, ongoing)."""
    import sqlite3

    from sqlite_utils import Database

    from archive.ledger import build_ledger
    from tests.ledger.conftest import P, ingest_ledger_postings

    with Archive(corpus.path, warc_dir=warc_dir) as archive:
        ingest_ledger_postings(archive)
    db = Database(corpus.path)
    compute_measures(db, now=datetime(corpus.today.year, corpus.today.month, corpus.today.day, 10, tzinfo=CHINA))
    build_ledger(db)
    db.close()
    with sqlite3.connect(corpus.path) as conn:
        return conn.execute("SELECT id FROM documents WHERE url = ?", [P + "plan"]).fetchone()[0]
