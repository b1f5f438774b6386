"""Fixtures for the archive library tests."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from archive.models import AttachmentCapture, CheckOutcome, PageCapture
from archive.store import Archive

T0 = "2026-11-23T09:00:00+08:00"


@pytest.fixture
def archive(tmp_path):
    """A fresh archive in a temporary folder with one registered site."""
    a = Archive(tmp_path / "archive.db", warc_dir=tmp_path / "warc")
    a.upsert_sites([{"id": "mee", "name": "生态环境部", "region": "全国", "level": "national",
                     "start_urls": ["https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml"]}])
    yield a
    a.close()


@pytest.fixture
def make_capture() -> Callable[..., PageCapture]:
    """Build a PageCapture with sensible defaults; keyword arguments override fields."""

    def build(url: str = "https://www.mee.gov.cn/dczg/202611/t20261120_1.shtml", **kw) -> PageCapture:
        fields = {
            "site_id": "mee", "url": url, "fetched_at": T0, "http_status": 200,
            "title": "关于某某问题整改验收销号情况的公示",
            "body_text": "根据督察整改工作安排，现将验收销号情况予以公示。\n公示期为10个工作日。",
            "publish_date": "2026-11-20", "publish_date_source": "cms",
            "dates": {"cms": "2026-11-20", "list": "2026-11-20", "stated": "2026-11-20", "url": "2026-11-20"},
            "doc_type": "acceptance_notice",
            "attachments": [AttachmentCapture(url=url.rsplit("/", 1)[0] + "/P0201.pdf", name="附件1.pdf",
                                           sha256="a" * 64, size=10, text="验收销号表 整改任务")],
        }
        fields.update(kw)
        return PageCapture(**fields)

    return build


@pytest.fixture
def make_outcome() -> Callable[..., CheckOutcome]:
    """Build a CheckOutcome for the default capture URL."""

    def build(kind: str, url: str = "https://www.mee.gov.cn/dczg/202611/t20261120_1.shtml", **kw) -> CheckOutcome:
        fields = {"site_id": "mee", "url": url, "fetched_at": T0, "kind": kind, "http_status": None, "reason": ""}
        fields.update(kw)
        return CheckOutcome(**fields)

    return build


def count(archive: Archive, table: str, where: str = "1", params: tuple = ()) -> int:
    """Rows of ``table`` matching ``where``."""
    return archive.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
